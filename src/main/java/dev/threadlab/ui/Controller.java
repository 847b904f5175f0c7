package dev.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.threadlab.Durations;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.replay.ReplaySource;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.ui.ViewState.Focus;
import dev.threadlab.ui.ViewState.Overlay;
import dev.threadlab.watch.Control;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The dashboard's update: keys (as actions), the autopilot's lines and the engine's events change the
 * view state, or ask the engine for something. Nothing else changes the state, and nothing here draws.
 */
final class Controller {
    static final List<Duration> INTERVALS = List.of(Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5));

    private final ViewState view;
    private final Engine engine;
    private final ScenarioCatalog catalog;
    private final Renderer renderer;
    private final Consumer<Runnable> post;

    /**
     * @param post runs a task on the screen's thread (for answers that come back later, like a stack)
     */
    Controller(ViewState view, Engine engine, ScenarioCatalog catalog, Renderer renderer, Consumer<Runnable> post) {
        this.view = view;
        this.engine = engine;
        this.catalog = catalog;
        this.renderer = renderer;
        this.post = post;
    }

    private Picture picture(long now) {
        return Picture.of(view, catalog, renderer, now);
    }

    // ---- keys

    void onKey(KeyStroke key, long now) {
        if (key.isAltDown() && key.getKeyType() == KeyType.Character) {
            // Esc pressed just before a key reaches us as Alt+key: treat it as both, in order.
            onKey(new KeyStroke(KeyType.Escape), now);
            onKey(new KeyStroke(key.getCharacter(), key.isCtrlDown(), false), now);
            return;
        }
        if (view.editingFilter) {
            editFilter(key);
            return;
        }
        Action a = KeyMap.action(key, view.replay != null);
        if (a == null) {
            if (view.overlay == Overlay.HELP) {
                view.overlay = Overlay.NONE;
            }
            return;
        }
        switch (view.overlay) {
            case HELP, LESSON -> {
                view.overlay = Overlay.NONE; // any key closes it; only Ctrl-C also quits
                view.quit = a == Action.QUIT && key.isCtrlDown();
                return;
            }
            case STACK -> {
                if (stackKey(a)) {
                    return;
                }
            }
            case PICKER -> {
                if (pickerKey(a, now)) {
                    return;
                }
            }
            case NONE -> { }
        }
        act(a, now);
    }

    /** What an action does, whether a key or the autopilot asked for it. */
    void act(Action a, long now) {
        if (refused(a, now)) {
            return;
        }
        switch (a) {
            case QUIT -> view.quit = true;
            case UP -> move(-1, now);
            case DOWN -> move(1, now);
            case PAGE_UP -> move(-Math.max(1, picture(now).layout().listRows(Focus.THREADS) - 1), now);
            case PAGE_DOWN -> move(Math.max(1, picture(now).layout().listRows(Focus.THREADS) - 1), now);
            case HOME -> move(-1_000_000, now);
            case END -> move(1_000_000, now);
            case OPEN -> openStack(now);
            case NEXT_PANE -> cycleFocus(1, now);
            case PREVIOUS_PANE -> cycleFocus(-1, now);
            case START_STOP -> control(new Control.StartOrStop(), now);
            case START -> control(new Control.StartIfEnded(), now);
            case STOP -> control(new Control.Stop(), now);
            case RESTART -> {
                startsARun(new Control.Restart(), now);
                view.flash("restarted", now);
            }
            case STEP -> control(new Control.Step(), now);
            case CONTINUE -> control(new Control.Continue(), now);
            case PAUSE -> {
                if (view.replay != null) {
                    engine.withSource(ReplaySource.class, ReplaySource::togglePlaying);
                } else {
                    view.paused = !view.paused;
                    engine.pause(view.paused);
                }
            }
            case FASTER -> changeInterval(-1, now);
            case SLOWER -> changeInterval(+1, now);
            case BACK -> engine.withSource(ReplaySource.class, r -> r.step(-1));
            case FORWARD -> engine.withSource(ReplaySource.class, r -> r.step(+1));
            case BACK_TEN -> engine.withSource(ReplaySource.class, r -> r.step(-10));
            case FORWARD_TEN -> engine.withSource(ReplaySource.class, r -> r.step(+10));
            case FIRST_TICK -> engine.withSource(ReplaySource.class, ReplaySource::first);
            case LAST_TICK -> engine.withSource(ReplaySource.class, ReplaySource::last);
            case PLAY_SLOWER -> engine.withSource(ReplaySource.class, r -> r.speed(-1));
            case PLAY_FASTER -> engine.withSource(ReplaySource.class, r -> r.speed(+1));
            case FILTER -> {
                view.editingFilter = true;
                view.filterDraft.setLength(0);
                view.filterDraft.append(view.filter);
            }
            case ALL_THREADS -> {
                view.allThreads = !view.allThreads;
                view.threadsTop = 0;
            }
            case SORT -> view.sort = ViewState.Sort.values()[(view.sort.ordinal() + 1) % ViewState.Sort.values()
                    .length];
            case PICK -> openPicker();
            case REDRAW -> view.redrawAll = true;
            case HELP -> view.overlay = Overlay.HELP;
            case LESSON -> view.overlay = Overlay.LESSON;
            case CLOSE -> view.filter = "";
        }
        followSelection(now);
    }

    /** Keys that mean nothing here say why, rather than nothing at all. */
    private boolean refused(Action a, long now) {
        boolean scenarioKey = a == Action.START_STOP || a == Action.RESTART || a == Action.STEP
                || a == Action.CONTINUE || a == Action.PICK || a == Action.START || a == Action.STOP;
        if (view.replay != null && (scenarioKey || a == Action.FASTER || a == Action.SLOWER)) {
            view.flash("live runs only", now);
            return true;
        }
        if (!view.scenarios && scenarioKey) {
            view.flash("watching another JVM: no scenario to run here", now);
            return true;
        }
        return false;
    }

    private void control(Control c, long now) {
        engine.control(c, why -> post.accept(() -> view.flash(why, System.nanoTime())));
    }

    /** A control that starts a new run: until it begins, the run on screen is the one before. */
    private void startsARun(Control c, long now) {
        view.pendingRuns++;
        engine.control(c, why -> post.accept(() -> {
            view.pendingRuns = Math.max(0, view.pendingRuns - 1);
            view.flash(why, System.nanoTime());
        }));
    }

    private void changeInterval(int direction, long now) {
        int at = 0;
        while (at < INTERVALS.size() - 1 && INTERVALS.get(at).compareTo(view.interval) < 0) {
            at++;
        }
        view.interval = INTERVALS.get(Math.max(0, Math.min(INTERVALS.size() - 1, at + direction)));
        engine.setInterval(view.interval);
        view.flash("every " + Durations.format(view.interval), now);
    }

    // ---- the autopilot's lines that are not keys

    void caption(String text) {
        view.caption = text;
    }

    /** Restarts the scenario with some parameters changed; the header says which. */
    void setParams(Map<String, Object> values, long now) {
        startsARun(new Control.RestartWith(values), now);
        view.flash("restarted with " + values.keySet(), now);
    }

    void runScenario(ScenarioEntry entry) {
        view.overlay = Overlay.NONE;
        view.selectedId = -1;
        view.selectedRow = 0;
        view.threadsTop = 0;
        view.outputBack = 0;
        startsARun(new Control.Start(entry), 0);
    }

    // ---- the engine's events

    void onEvent(Event e, long now) {
        if (e instanceof Event.Began b) {
            view.generation = b.generation();
            view.run = b.run();
            view.history.clear();
            view.deadlockShown = false;
            view.banner = "";
            view.pendingRuns = Math.max(0, view.pendingRuns - 1);
            if (view.replay != null || !view.scenarios) {
                view.interval = Duration.ofMillis(b.interval());
            }
        } else if (e instanceof Event.Sampled s && s.generation() == view.generation) {
            sampled(s.snapshot(), now);
        } else if (e instanceof Event.LinkLost l) {
            view.banner = l.reason();
        } else if (e instanceof Event.Played p) {
            view.replay = p.playback();
            view.banner = p.playback().note() != null && (p.playback().atEnd() || p.playback().broken())
                    ? p.playback().note() : "";
            view.quit |= p.playback().broken();
        } else if (e instanceof Event.Over) {
            view.quit = true; // the time limit ran out
        }
        followSelection(now);
    }

    private void sampled(Snapshot s, long now) {
        if (view.replay == null) {
            view.banner = "";
        }
        Snapshot before = view.history.latest();
        if (before != null && before.run().status().ended() && s.run().status().ended()) {
            return; // the run is over and its picture with it: the timeline holds still
        }
        view.history.record(s);
        if (!s.deadlocked().isEmpty() && !view.deadlockShown) {
            view.deadlockShown = true;
            view.unfolded = Focus.LOCKS; // a deadlock is the news: show its cycle
            view.flash("deadlock found", now);
        }
    }

    /** The selection follows its thread; if that thread is gone from the list, the row where it was. */
    void followSelection(long now) {
        List<ThreadSample> rows = ThreadRows.of(view.history.latest(), view);
        if (rows.isEmpty()) {
            return;
        }
        int at = indexOf(rows, view.selectedId);
        if (at >= 0) {
            view.selectedRow = at;
            return;
        }
        view.selectedRow = Math.min(view.selectedRow, rows.size() - 1);
        view.selectedId = rows.get(view.selectedRow).id();
    }

    // ---- the parts

    private void move(int delta, long now) {
        if (view.focus == Focus.OUTPUT) {
            view.outputBack = Math.max(0, view.outputBack - delta);
            return;
        }
        Picture p = picture(now);
        List<ThreadSample> rows = p.rows();
        if (rows.isEmpty()) {
            return;
        }
        int at = indexOf(rows, view.selectedId);
        if (at < 0) {
            at = Math.min(view.selectedRow, rows.size() - 1);
        }
        int next = (int) Math.max(0, Math.min(rows.size() - 1, (long) at + delta));
        view.selectedId = rows.get(next).id();
        view.selectedRow = next;
        int visible = Math.max(1, p.layout().listRows(Focus.THREADS) - 1);
        if (next < view.threadsTop) {
            view.threadsTop = next;
        } else if (next >= view.threadsTop + visible) {
            view.threadsTop = next - visible + 1;
        }
    }

    private static int indexOf(List<ThreadSample> rows, long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private void openStack(long now) {
        List<ThreadSample> rows = picture(now).rows();
        int at = indexOf(rows, view.selectedId);
        if (at < 0) {
            if (rows.isEmpty()) {
                return;
            }
            at = 0;
        }
        ThreadSample t = rows.get(at);
        view.overlay = Overlay.STACK;
        view.stackThreadId = t.id();
        view.stackThreadName = t.name();
        view.stack = null;
        view.stackTop = 0;
        if (!t.alive() && view.replay == null) {
            view.stackLoading = false;
            return;
        }
        view.stackLoading = true;
        long id = t.id();
        engine.readStack(id, t.name(), stack -> post.accept(() -> {
            if (view.stackThreadId == id) {
                view.stack = stack;
                view.stackLoading = false;
            }
        }));
    }

    private boolean stackKey(Action a) {
        switch (a) {
            case UP -> view.stackTop = Math.max(0, view.stackTop - 1);
            case DOWN -> view.stackTop++;
            case PAGE_UP -> view.stackTop = Math.max(0, view.stackTop - 10);
            case PAGE_DOWN -> view.stackTop += 10;
            case HOME -> view.stackTop = 0;
            case CLOSE, OPEN -> view.overlay = Overlay.NONE;
            case QUIT -> {
                view.overlay = Overlay.NONE;
                return true;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void openPicker() {
        view.overlay = Overlay.PICKER;
        ScenarioEntry current = view.run == null ? null : view.run.entry();
        List<ScenarioEntry> entries = catalog.entries();
        view.pickerRow = current == null ? 0 : Math.max(0, indexOfId(entries, current.id()));
    }

    private static int indexOfId(List<ScenarioEntry> entries, String id) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private boolean pickerKey(Action a, long now) {
        int n = catalog.entries().size();
        switch (a) {
            case UP -> view.pickerRow = Math.max(0, view.pickerRow - 1);
            case DOWN -> view.pickerRow = Math.min(n - 1, view.pickerRow + 1);
            case HOME -> view.pickerRow = 0;
            case END -> view.pickerRow = n - 1;
            case OPEN -> runScenario(catalog.entries().get(view.pickerRow));
            case CLOSE, PICK -> {
                if (view.run != null || view.pendingRuns > 0) {
                    view.overlay = Overlay.NONE;
                }
            }
            case QUIT -> {
                return false;
            }
            default -> {
                return true; // other keys do nothing while picking
            }
        }
        return true;
    }

    private void cycleFocus(int direction, long now) {
        Layout layout = picture(now).layout();
        List<Focus> order = new ArrayList<>();
        for (Focus f : Focus.values()) {
            if (layout.mode() == Layout.Mode.REDUCED || layout.panes().containsKey(f)) {
                order.add(f);
            }
        }
        int at = Math.max(0, order.indexOf(view.focus));
        view.focus = order.get((at + direction + order.size()) % order.size());
        if (view.focus.side()) {
            view.unfolded = view.focus;
        }
    }

    private void editFilter(KeyStroke key) {
        KeyType t = key.getKeyType();
        if (t == KeyType.Enter) {
            view.filter = view.filterDraft.toString().strip();
            view.editingFilter = false;
            view.threadsTop = 0;
        } else if (t == KeyType.Escape) {
            view.filter = "";
            view.editingFilter = false;
        } else if (t == KeyType.Backspace) {
            if (view.filterDraft.length() > 0) {
                view.filterDraft.setLength(view.filterDraft.length() - 1);
            }
        } else if (t == KeyType.Character && !key.isCtrlDown() && view.filterDraft.length() < 40) {
            view.filterDraft.append(key.getCharacter());
        }
    }
}
