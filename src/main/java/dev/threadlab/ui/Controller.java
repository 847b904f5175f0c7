package dev.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.threadlab.Durations;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.ui.ViewState.Focus;
import dev.threadlab.ui.ViewState.Overlay;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What each key does: it changes the view state, or asks the session for something. Nothing else. */
final class Controller {
    /** What the handler needs to know of the picture the key was pressed on. */
    record Context(List<ThreadSample> rows, Layout layout, long nowNanos) {
    }

    private final ViewState view;
    private final Session session;
    private final ScenarioCatalog catalog;
    private final Consumer<Runnable> post;
    private boolean quit;
    private boolean redraw;

    /**
     * @param post runs a task on the screen's thread (for answers that come back later, like a stack)
     */
    Controller(ViewState view, Session session, ScenarioCatalog catalog, Consumer<Runnable> post) {
        this.view = view;
        this.session = session;
        this.catalog = catalog;
        this.post = post;
    }

    boolean quitRequested() {
        return quit;
    }

    /** True once after ^L: the next refresh repaints every cell. */
    boolean takeRedraw() {
        boolean r = redraw;
        redraw = false;
        return r;
    }

    void onKey(KeyStroke key, Context ctx) {
        if (key.isAltDown() && key.getKeyType() == KeyType.Character) {
            // Esc pressed just before a key reaches us as Alt+key: treat it as both, in order.
            onKey(new KeyStroke(KeyType.Escape), ctx);
            onKey(new KeyStroke(key.getCharacter(), key.isCtrlDown(), false), ctx);
            return;
        }
        if (view.editingFilter) {
            editFilter(key);
            return;
        }
        Action a = KeyMap.action(key);
        if (a == null) {
            if (view.overlay == Overlay.HELP) {
                view.overlay = Overlay.NONE;
            }
            return;
        }
        switch (view.overlay) {
            case HELP, LESSON -> {
                view.overlay = Overlay.NONE; // any key closes it; only Ctrl-C also quits
                quit = a == Action.QUIT && key.isCtrlDown();
                return;
            }
            case STACK -> {
                if (stackKey(a)) {
                    return;
                }
            }
            case PICKER -> {
                if (pickerKey(a)) {
                    return;
                }
            }
            case NONE -> { }
        }
        act(a, ctx);
    }

    private void act(Action a, Context ctx) {
        if (!session.runsScenarios() && (a == Action.START_STOP || a == Action.RESTART || a == Action.STEP
                || a == Action.CONTINUE || a == Action.PICK)) {
            view.flash("watching another JVM: no scenario to run here", ctx.nowNanos());
            return;
        }
        switch (a) {
            case QUIT -> quit = true;
            case UP -> move(-1, ctx);
            case DOWN -> move(1, ctx);
            case PAGE_UP -> move(-Math.max(1, ctx.layout().listRows(Focus.THREADS) - 1), ctx);
            case PAGE_DOWN -> move(Math.max(1, ctx.layout().listRows(Focus.THREADS) - 1), ctx);
            case HOME -> move(-1_000_000, ctx);
            case END -> move(1_000_000, ctx);
            case OPEN -> openStack(ctx);
            case NEXT_PANE -> cycleFocus(1, ctx);
            case PREVIOUS_PANE -> cycleFocus(-1, ctx);
            case START_STOP -> session.startOrStop();
            case RESTART -> {
                session.restart();
                view.flash("restarted", ctx.nowNanos());
            }
            case STEP -> session.step();
            case CONTINUE -> session.continueRun();
            case PAUSE -> session.togglePause();
            case FASTER, SLOWER -> {
                if (a == Action.FASTER) {
                    session.faster();
                } else {
                    session.slower();
                }
                view.flash("every " + Durations.format(session.interval()), ctx.nowNanos());
            }
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
            case REDRAW -> redraw = true;
            case HELP -> view.overlay = Overlay.HELP;
            case LESSON -> view.overlay = Overlay.LESSON;
            case CLOSE -> view.filter = "";
        }
    }

    private void move(int delta, Context ctx) {
        if (view.focus == Focus.OUTPUT) {
            view.outputBack = Math.max(0, view.outputBack - delta);
            return;
        }
        List<ThreadSample> rows = ctx.rows();
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
        int visible = Math.max(1, ctx.layout().listRows(Focus.THREADS) - 1);
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

    private void openStack(Context ctx) {
        int at = indexOf(ctx.rows(), view.selectedId);
        if (at < 0) {
            if (ctx.rows().isEmpty()) {
                return;
            }
            at = 0;
        }
        ThreadSample t = ctx.rows().get(at);
        view.overlay = Overlay.STACK;
        view.stackThreadId = t.id();
        view.stackThreadName = t.name();
        view.stack = null;
        view.stackTop = 0;
        if (!t.alive()) {
            view.stackLoading = false;
            return;
        }
        view.stackLoading = true;
        long id = t.id();
        session.requestStack(id, info -> post.accept(() -> {
            if (view.stackThreadId == id) {
                view.stack = info;
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
        ScenarioEntry current = session.entry();
        List<ScenarioEntry> entries = catalog.entries();
        view.pickerRow = current == null ? 0 : Math.max(0, entries.indexOf(current));
    }

    private boolean pickerKey(Action a) {
        int n = catalog.entries().size();
        switch (a) {
            case UP -> view.pickerRow = Math.max(0, view.pickerRow - 1);
            case DOWN -> view.pickerRow = Math.min(n - 1, view.pickerRow + 1);
            case HOME -> view.pickerRow = 0;
            case END -> view.pickerRow = n - 1;
            case OPEN -> {
                ScenarioEntry e = catalog.entries().get(view.pickerRow);
                view.overlay = Overlay.NONE;
                view.selectedId = -1;
                view.selectedRow = 0;
                view.threadsTop = 0;
                view.outputBack = 0;
                session.start(e);
            }
            case CLOSE, PICK -> {
                if (session.entry() != null) {
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

    private void cycleFocus(int direction, Context ctx) {
        List<Focus> order = new ArrayList<>();
        for (Focus f : Focus.values()) {
            if (ctx.layout().mode() == Layout.Mode.REDUCED || ctx.layout().panes().containsKey(f)) {
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
