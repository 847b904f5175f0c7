package dev.threadlab.cli;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.threadlab.UserError;
import dev.threadlab.report.CastWriter;
import dev.threadlab.report.Recorder;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.ui.Autopilot;
import dev.threadlab.ui.AutopilotScript;
import dev.threadlab.ui.Dashboard;
import dev.threadlab.ui.Glyphs;
import dev.threadlab.ui.Theme;
import dev.threadlab.ui.term.DetachedTerminal;
import dev.threadlab.ui.term.RecordingOutput;
import dev.threadlab.ui.term.TtyTerminal;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.ScenarioSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the terminal (or, for a recording with nobody watching, a detached one), runs the dashboard,
 * and gives the terminal back on every way out: q, Ctrl-C, SIGTERM, SIGHUP (a dropped SSH link),
 * or an unexpected exception, whose trace goes to the log.
 */
public final class DashboardLauncher {
    /** What a shell reports for a program ended by SIGHUP (128 + 1). */
    private static final int EXIT_HANGUP = 129;
    private static final Logger log = LoggerFactory.getLogger(DashboardLauncher.class);
    /** How long a signal waits for the screen's thread to stop drawing and the scenario to stop. */
    private static final long SHUTDOWN_WAIT_MS = 5000;
    private static final int[] DETACHED_SIZE = {100, 30};

    private DashboardLauncher() {
    }

    /** The terminal, and how to give it back. */
    private record Taken(Terminal terminal, Runnable restore, CastWriter cast) {
        void giveBack() {
            restore.run();
            if (cast != null) {
                cast.close();
            }
        }
    }

    /** The dashboard over this JVM's scenarios: {@code first}, or the picker when null. */
    public static int launch(ScenarioCatalog catalog, ScenarioEntry first, Duration interval, Duration duration,
            DashboardOptions opts, SaveOption save, PrintWriter err) {
        Engine engine = new Engine(new ScenarioSource("dashboard"),
                new Engine.Settings(interval, duration, null, false));
        return launch(catalog, engine, first, Mode.SCENARIOS, opts, save, err);
    }

    /** What the dashboard shows: scenarios run here, another JVM, or a recording. */
    public enum Mode { SCENARIOS, WATCH, REPLAY }

    /**
     * Takes the terminal, shows the engine's events until the user quits (or the engine is over), and
     * gives the terminal back, then closes the engine.
     *
     * @param engine not started yet: started here, once the screen is up
     * @param first  the scenario to start with (scenarios only), or null
     */
    public static int launch(ScenarioCatalog catalog, Engine engine, ScenarioEntry first, Mode mode,
            DashboardOptions opts, SaveOption save, PrintWriter err) {
        try {
            opts.check();
            // Check the script before taking the terminal: a bad line is a one-line error, not a flash of screen.
            AutopilotScript script = opts.autopilot == null ? null
                    : AutopilotScript.load(opts.autopilot, first, catalog);
            Recorder recorder = save == null ? null : save.recorder(message -> { });
            return show(catalog, engine, first, mode, opts, script, recorder, err);
        } finally {
            engine.close();
        }
    }

    private static int show(ScenarioCatalog catalog, Engine engine, ScenarioEntry first, Mode mode,
            DashboardOptions opts, AutopilotScript script, Recorder recorder, PrintWriter err) {
        Taken taken = take(opts, first);
        Theme theme = new Theme(taken.terminal() instanceof DetachedTerminal && System.getenv("NO_COLOR") == null
                ? Theme.Depth.INDEXED256 : Theme.depthFrom(System.getenv()),
                opts.ascii ? Glyphs.ASCII : Glyphs.UNICODE);

        CountDownLatch finished = new CountDownLatch(1);
        Dashboard[] dashboard = new Dashboard[1];
        // On SIGTERM/SIGHUP: stop the drawing first, then give the terminal back, then let the JVM go.
        Thread hook = new Thread(() -> {
            Dashboard d = dashboard[0];
            if (d != null) {
                d.requestQuit();
            }
            try {
                finished.await(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            taken.giveBack();
        }, "threadlab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Throwable failure = null;
        Autopilot pilot = null;
        try {
            Screen screen = Dashboard.startScreen(taken.terminal());
            Dashboard d = new Dashboard(screen, theme, catalog, engine, mode == Mode.SCENARIOS, mode == Mode.REPLAY);
            dashboard[0] = d;
            if (taken.terminal() instanceof TtyTerminal tty) {
                tty.onSuspend(() -> d.suspend(tty::suspend));
            }
            engine.add(d);
            if (recorder != null) {
                engine.add(recorder.telling(d::tell));
            }
            engine.start();
            if (script != null) {
                CastWriter cast = taken.cast();
                pilot = new Autopilot(script, d, cast == null ? text -> { } : cast::marker);
                pilot.start();
            }
            d.run(first);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        } finally {
            if (pilot != null) {
                pilot.stop();
            }
            taken.giveBack();
            engine.close(); // the scenario stopped, the recording ended with its summary
            finished.countDown();
            removeHook(hook);
        }
        if (failure instanceof IOException) {
            // The terminal cannot be read or written (its SSH connection dropped, its window closed): a
            // hangup, not a fault of ours; the SIGHUP that comes with it may not have arrived yet.
            log.info("the terminal went away: {}", failure.toString());
            return EXIT_HANGUP;
        }
        if (failure != null) {
            log.error("the dashboard failed", failure);
            err.println("threadlab: the dashboard failed: " + failure + " (details in " + LogFile.current() + ")");
            err.flush();
            return 1;
        }
        String failed = dashboard[0] == null ? null : dashboard[0].failure();
        if (failed != null) {
            err.println("threadlab: " + failed + " (details in " + LogFile.current() + ")");
            err.flush();
            return 1;
        }
        if (pilot != null && pilot.missed() != null) {
            AutopilotScript.Until missed = pilot.missed();
            err.println("threadlab: " + opts.autopilot + ": " + (missed.line() > 0 ? missed.line() + ": " : "")
                    + missed.notReached() + " (the demo stopped there; a busy machine? details in " + LogFile.current()
                    + ")");
            err.flush();
            return 1;
        }
        if (opts.record != null) {
            err.println("threadlab: recorded " + opts.record);
        }
        if (recorder != null) {
            err.println("threadlab: saved " + recorder.path());
        }
        err.flush();
        return 0;
    }

    private static Taken take(DashboardOptions opts, ScenarioEntry first) {
        if (opts.record == null && !TtyTerminal.available()) {
            throw new UserError("the dashboard needs a terminal and there is none here: add --headless for JSON "
                    + "lines, or --record FILE.cast --size 100x30 to record it");
        }
        String title = "ThreadLab" + (first == null ? "" : ": " + first.id() + " - " + first.title());
        return take(opts, title);
    }

    private static Taken take(DashboardOptions opts, String title) {
        int[] size = opts.size();
        boolean tty = TtyTerminal.available();
        if (opts.record != null && (size != null || !tty)) {
            int[] wh = size != null ? size : DETACHED_SIZE;
            CastWriter cast = new CastWriter(opts.record, wh[0], wh[1], title, castEnv());
            DetachedTerminal t = new DetachedTerminal(new RecordingOutput(null, cast), wh[0], wh[1]);
            return new Taken(t, () -> leavePrivateMode(t), cast);
        }
        CastWriter[] cast = new CastWriter[1];
        try {
            TtyTerminal t = TtyTerminal.open(StandardCharsets.UTF_8, out -> {
                if (opts.record == null) {
                    return out;
                }
                int[] wh = ttySize();
                cast[0] = new CastWriter(opts.record, wh[0], wh[1], title, castEnv());
                return new RecordingOutput(out, cast[0]);
            });
            if (cast[0] != null) {
                CastWriter c = cast[0];
                t.addResizeListener((term, s) -> c.resize(s.getColumns(), s.getRows()));
            }
            return new Taken(t, t::restore, cast[0]);
        } catch (IOException e) {
            throw new UserError("the dashboard needs a terminal and could not take this one (" + e.getMessage()
                    + "): add --headless for JSON lines");
        }
    }

    private static int[] ttySize() {
        com.googlecode.lanterna.TerminalSize s = TtyTerminal.currentSize();
        return s == null ? DETACHED_SIZE : new int[] {s.getColumns(), s.getRows()};
    }

    private static Map<String, String> castEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TERM", System.getenv().getOrDefault("TERM", "xterm-256color"));
        env.put("SHELL", System.getenv().getOrDefault("SHELL", "/bin/sh"));
        return env;
    }

    private static void leavePrivateMode(DetachedTerminal t) {
        try {
            t.exitPrivateMode();
        } catch (IOException | IllegalStateException e) {
            // already left
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and will find everything done.
        }
    }
}
