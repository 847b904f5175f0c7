package dev.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.threadlab.history.History;
import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live screen. One thread (the caller of {@link #run}) owns the screen, the view state and the
 * history: it reads keys, takes in snapshots and other answers posted to its inbox, and draws when
 * something changed. Sampling and scenario control happen on the session's thread, so a slow tick
 * never freezes the keys. Drawing is into Lanterna's back buffer, sent as a delta: only changed
 * cells go to the terminal.
 */
public final class Dashboard {
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    /** How often keys are looked for while nothing else happens. */
    private static final long IDLE_NANOS = Duration.ofMillis(25).toNanos();

    private final Screen screen;
    private final Theme theme;
    private final ScenarioCatalog catalog;
    private final Renderer renderer = new Renderer();
    private final History history = new History();
    private final ViewState view = new ViewState();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Session session;
    private final Controller controller;
    private volatile Thread owner;
    private volatile boolean running = true;
    private long generation = -1;
    private volatile Session.Sampled latest;
    private boolean deadlockShown;
    private List<ThreadSample> lastRows = List.of();
    private Layout lastLayout;
    private Set<Long> cpuFocus = Set.of();

    public Dashboard(Screen screen, Theme theme, ScenarioCatalog catalog, Sampler sampler, Duration interval) {
        this(screen, theme, catalog, Session.Feed.local(sampler), () -> Session.Feed.local(sampler), interval);
    }

    /**
     * @param connect makes the feed again when it is lost (another JVM: reconnects)
     */
    public Dashboard(Screen screen, Theme theme, ScenarioCatalog catalog, Session.Feed first,
            java.util.function.Supplier<Session.Feed> connect, Duration interval) {
        this.screen = screen;
        this.theme = theme;
        this.catalog = catalog;
        this.session = new Session(connect, first, interval, sampled -> post(() -> onSampled(sampled)));
        this.controller = new Controller(view, session, catalog, this::post);
    }

    /** Runs {@code task} on the screen's thread, soon. */
    private void post(Runnable task) {
        inbox.add(task);
        Thread t = owner;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    // ---- what an autopilot (or any other thread) may ask; each is carried out on the screen's thread

    /** A key, as if typed. */
    public void press(KeyStroke key) {
        post(() -> controller.onKey(key, new Controller.Context(lastRows, lastLayout, System.nanoTime())));
    }

    /** A line for the audience over the lesson; empty clears it. */
    public void caption(String text) {
        post(() -> view.caption = text);
    }

    /** Restarts the scenario with some parameters changed; the header says which. */
    public void setParams(java.util.Map<String, Object> values) {
        session.restartWith(values);
        post(() -> view.flash("restarted with " + values.keySet(), System.nanoTime()));
    }

    public void runScenario(ScenarioEntry entry) {
        post(() -> {
            view.overlay = ViewState.Overlay.NONE;
            view.selectedId = -1;
            view.selectedRow = 0;
            view.threadsTop = 0;
        });
        session.start(entry);
    }

    /** start, stop, restart, step or continue. */
    public void control(String what) {
        switch (what) {
            case "start" -> session.startIfEnded();
            case "stop" -> session.stop();
            case "restart" -> session.restart();
            case "step" -> session.step();
            case "continue" -> session.continueRun();
            default -> throw new IllegalArgumentException(what);
        }
    }

    /** Whether the run asked for last has {@code finished}, or shows a {@code deadlock}. */
    public boolean reached(String condition) {
        Session.Sampled s = latest;
        if (s == null || s.generation() != session.requestedGeneration()) {
            return false;
        }
        return switch (condition) {
            case "finished" -> s.snapshot().run().status().ended();
            case "deadlock" -> !s.snapshot().deadlocked().isEmpty();
            default -> throw new IllegalArgumentException(condition);
        };
    }

    /** Asks the loop to end (from a signal's shutdown hook, say); {@link #run} then returns. */
    public void requestQuit() {
        running = false;
        Thread t = owner;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /**
     * Shows {@code first} (or the picker when null) until the user quits. The screen must be started;
     * the caller stops it afterwards. The session (and with it the scenario) is closed on return.
     */
    public void run(ScenarioEntry first) throws IOException {
        owner = Thread.currentThread();
        try {
            if (first != null) {
                session.start(first);
            } else if (session.runsScenarios()) {
                view.overlay = ViewState.Overlay.PICKER;
            }
            loop();
        } finally {
            owner = null;
        }
    }

    /** Stops sampling and the scenario. Separate from {@link #run} so the terminal can be given back first. */
    public void close() {
        session.close();
    }

    private void loop() throws IOException {
        boolean dirty = true;
        boolean complete = true;
        Layout layout = null;
        List<ThreadSample> rows = List.of();
        while (running && !controller.quitRequested()) {
            long now = System.nanoTime();
            for (KeyStroke key; (key = screen.pollInput()) != null; ) {
                controller.onKey(key, new Controller.Context(rows, layout == null ? layoutFor(rows, now) : layout,
                        now));
                dirty = true;
            }
            for (Runnable task; (task = inbox.poll()) != null; ) {
                task.run();
                dirty = true;
            }
            if (screen.doResizeIfNecessary() != null) {
                dirty = true;
                complete = true;
            }
            if (controller.takeRedraw()) {
                complete = true;
                dirty = true;
            }
            if (!view.flash(now).isEmpty()) {
                dirty = true; // keep drawing until the message fades
            }
            if (dirty && running && !controller.quitRequested()) {
                Frame frame = frame(now);
                rows = frame.rows();
                TerminalSize size = screen.getTerminalSize();
                layout = renderer.layout(size.getColumns(), size.getRows(), frame);
                renderer.draw(frame, layout, new Canvas(screen.newTextGraphics(), theme));
                screen.setCursorPosition(null);
                screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
                focusCpuOnVisibleRows(rows, layout);
                lastRows = rows;
                lastLayout = layout;
                dirty = false;
                complete = false;
            }
            if (inbox.isEmpty()) {
                LockSupport.parkNanos(this, IDLE_NANOS);
            }
        }
    }

    private Layout layoutFor(List<ThreadSample> rows, long now) {
        TerminalSize size = screen.getTerminalSize();
        return renderer.layout(size.getColumns(), size.getRows(), frame(now));
    }

    private Frame frame(long now) {
        Snapshot s = history.latest();
        List<ThreadSample> rows = ThreadRows.of(s, view);
        keepSelectionOnARow(rows);
        return new Frame(s, history, view, rows, session.entry(), catalog, session.interval(), session.paused(),
                now);
    }

    /** The selection follows its thread; if that thread is gone from the list, the row where it was. */
    private void keepSelectionOnARow(List<ThreadSample> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == view.selectedId) {
                view.selectedRow = i;
                return;
            }
        }
        view.selectedRow = Math.min(view.selectedRow, rows.size() - 1);
        view.selectedId = rows.get(view.selectedRow).id();
    }

    private void onSampled(Session.Sampled sampled) {
        if (sampled.snapshot() == null) {
            view.banner = sampled.problem();
            return;
        }
        view.banner = "";
        latest = sampled;
        if (sampled.generation() != generation) {
            generation = sampled.generation();
            history.clear();
            deadlockShown = false;
        }
        Snapshot s = sampled.snapshot();
        Snapshot before = history.latest();
        if (before != null && before.run().status().ended() && s.run().status().ended()) {
            return; // the run is over and its picture with it: the timeline holds still
        }
        history.record(s);
        if (!s.deadlocked().isEmpty() && !deadlockShown) {
            deadlockShown = true;
            view.unfolded = ViewState.Focus.LOCKS; // a deadlock is the news: show its cycle
            view.flash("deadlock found", System.nanoTime());
        }
    }

    /** With thousands of threads CPU time is read only for what is on screen: tell the sampler which. */
    private void focusCpuOnVisibleRows(List<ThreadSample> rows, Layout layout) {
        if (history.latest() == null || history.latest().liveThreads() <= Sampler.CPU_FOR_ALL_LIMIT) {
            return;
        }
        int visible = layout.listRows(ViewState.Focus.THREADS);
        Set<Long> ids = new HashSet<>();
        for (int i = view.threadsTop(); i < rows.size() && i < view.threadsTop() + visible; i++) {
            ids.add(rows.get(i).id());
        }
        if (!ids.equals(cpuFocus)) {
            cpuFocus = ids;
            session.focusCpuOn(ids);
        }
    }

    /** The screen a terminal gives, with the cursor hidden. */
    public static Screen startScreen(com.googlecode.lanterna.terminal.Terminal terminal) throws IOException {
        TerminalScreen s = new TerminalScreen(terminal);
        s.startScreen();
        s.setCursorPosition(null);
        log.debug("screen started at {}", s.getTerminalSize());
        return s;
    }
}
