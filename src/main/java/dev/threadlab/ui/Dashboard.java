package dev.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.Event;
import dev.threadlab.watch.Sink;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live screen, as a loop: state in, picture out. One thread (the caller of {@link #run}) owns the
 * screen and the view state: keys, the engine's events and the autopilot's lines arrive in its inbox
 * and update the state (through the {@link Controller}); then, if anything changed, the picture of
 * the state is drawn into Lanterna's back buffer and sent as a delta, only changed cells. Drawing
 * changes nothing. Sampling and scenario control happen on the engine's thread.
 */
public final class Dashboard implements Sink {
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    /** How often keys are looked for while nothing else happens. */
    private static final long IDLE_NANOS = Duration.ofMillis(25).toNanos();

    /** What the autopilot may read of the screen's state from its own thread. */
    private record Seen(boolean current, Snapshot latest, long fence) {
    }

    private final Screen screen;
    private final Theme theme;
    private final ScenarioCatalog catalog;
    private final Engine engine;
    private final Renderer renderer = new Renderer();
    private final ViewState view;
    private final Controller controller;
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private volatile Thread owner;
    private volatile boolean running = true;
    private volatile Seen seen = new Seen(false, null, 0);
    private final AtomicLong fences = new AtomicLong();
    private long fencePassed;
    private Set<Long> cpuFocus = Set.of();
    private volatile String failed;

    /**
     * @param scenarios this dashboard runs scenarios (else it watches another JVM, or a recording)
     * @param replay    it plays a recording
     */
    public Dashboard(Screen screen, Theme theme, ScenarioCatalog catalog, Engine engine, boolean scenarios,
            boolean replay) {
        this.screen = screen;
        this.theme = theme;
        this.catalog = catalog;
        this.engine = engine;
        this.view = new ViewState(scenarios, engine.interval());
        if (replay) {
            view.replay = new dev.threadlab.watch.Playback(0, 0, 0, 1, true, false, null, false);
        }
        this.controller = new Controller(view, engine, catalog, renderer, this::post);
    }

    /** The engine's events, posted to the screen's thread. */
    @Override
    public void on(Event event) {
        if (event instanceof Event.Ended e && e.last().run().status() == dev.threadlab.probe.RunState.Status.FAILED
                && view.scenarios()) {
            failed = e.last().run().id() + " failed: " + e.last().run().note();
        }
        post(() -> controller.onEvent(event, System.nanoTime()));
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

    /** An action, as a key would ask for it. */
    public void act(Action a) {
        post(() -> controller.act(a, System.nanoTime()));
    }

    /** A key, as if typed. */
    public void press(KeyStroke key) {
        post(() -> controller.onKey(key, System.nanoTime()));
    }

    /** A line for the audience over the lesson; empty clears it. */
    public void caption(String text) {
        post(() -> controller.caption(text));
    }

    /** Restarts the scenario with some parameters changed; the header says which. */
    public void setParams(Map<String, Object> values) {
        post(() -> controller.setParams(values, System.nanoTime()));
    }

    public void runScenario(ScenarioEntry entry) {
        post(() -> controller.runScenario(entry));
    }

    /**
     * Ctrl-Z: on the screen's thread, between frames, {@code suspendTerminal} gives the terminal back and
     * returns once the process is continued; then every cell is drawn again.
     */
    public void suspend(Runnable suspendTerminal) {
        post(() -> {
            suspendTerminal.run();
            view.redrawAll = true;
        });
    }

    /** One line to show for a while (a recorder that cannot write, say). */
    public void tell(String message) {
        post(() -> view.flash(message, System.nanoTime()));
    }

    /** What went wrong in a run shown this session ("race-counter failed: …"), or null: said once on exit. */
    public String failure() {
        return failed;
    }

    /**
     * A mark in the inbox: once {@link #reached} is asked with it, the answer takes in everything this
     * thread asked for before (a {@code set} just sent has restarted the run, not the run before it).
     */
    public long fence() {
        long mark = fences.incrementAndGet();
        post(() -> fencePassed = mark);
        return mark;
    }

    /** Whether the screen's thread has passed {@code fence}. */
    public boolean passed(long fence) {
        return seen.fence() >= fence;
    }

    /** Whether the run asked for last shows what {@code until} waits for; false until {@code fence} is passed. */
    public boolean reached(AutopilotScript.Until until, long fence) {
        Seen s = seen;
        if (s.fence() < fence || !s.current() || s.latest() == null) {
            return false;
        }
        return until.holds(s.latest());
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
     * Shows what the engine sends until the user quits; with no scenario running and none asked for, the
     * picker first. The screen must be started; the caller stops it, and the engine, afterwards.
     *
     * @param first the scenario asked for on the command line, or null
     */
    public void run(ScenarioEntry first) throws IOException {
        owner = Thread.currentThread();
        try {
            if (first != null) {
                controller.runScenario(first);
            } else if (view.scenarios()) {
                view.overlay = ViewState.Overlay.PICKER;
            }
            loop();
        } finally {
            owner = null;
        }
    }

    private void loop() throws IOException {
        boolean dirty = true;
        boolean complete = true;
        while (running && !view.quit) {
            long now = System.nanoTime();
            for (KeyStroke key; (key = screen.pollInput()) != null; ) {
                controller.onKey(key, now);
                dirty = true;
            }
            for (Runnable task; (task = inbox.poll()) != null; ) {
                task.run();
                dirty = true;
            }
            seen = new Seen(view.pendingRuns == 0, view.history().latest(), fencePassed);
            if (screen.doResizeIfNecessary() != null) {
                dirty = true;
                complete = true;
            }
            TerminalSize size = screen.getTerminalSize();
            if (size.getColumns() != view.width || size.getRows() != view.height) {
                view.width = size.getColumns();
                view.height = size.getRows();
                dirty = true;
            }
            if (view.redrawAll) {
                view.redrawAll = false;
                complete = true;
                dirty = true;
            }
            if (!view.flash(now).isEmpty()) {
                dirty = true; // keep drawing until the message fades
            }
            if (dirty && running && !view.quit) {
                Picture p = Picture.of(view, catalog, renderer, now);
                renderer.draw(p.frame(), p.layout(), new Canvas(screen.newTextGraphics(), theme));
                screen.setCursorPosition(null);
                screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
                focusCpuOnVisibleRows(p);
                dirty = false;
                complete = false;
                if (dev.threadlab.Faults.injected("render")) {
                    throw new IllegalStateException("injected by threadlab.inject=render");
                }
            }
            if (inbox.isEmpty()) {
                LockSupport.parkNanos(this, IDLE_NANOS);
            }
        }
    }

    /** With thousands of threads CPU time is read only for what is on screen: ask the engine for those. */
    private void focusCpuOnVisibleRows(Picture p) {
        Snapshot latest = view.history().latest();
        if (latest == null || latest.liveThreads() <= Sampler.CPU_FOR_ALL_LIMIT) {
            return;
        }
        int visible = p.layout().listRows(ViewState.Focus.THREADS);
        Set<Long> ids = new HashSet<>();
        java.util.List<ThreadSample> rows = p.rows();
        for (int i = view.threadsTop(); i < rows.size() && i < view.threadsTop() + visible; i++) {
            ids.add(rows.get(i).id());
        }
        if (!ids.equals(cpuFocus)) {
            cpuFocus = ids;
            engine.focusCpu(ids);
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
