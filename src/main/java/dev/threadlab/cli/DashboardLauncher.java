package dev.threadlab.cli;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.threadlab.UserError;
import dev.threadlab.probe.Sampler;
import dev.threadlab.report.CastWriter;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.ui.Autopilot;
import dev.threadlab.ui.AutopilotScript;
import dev.threadlab.ui.Dashboard;
import dev.threadlab.ui.Glyphs;
import dev.threadlab.ui.Session;
import dev.threadlab.ui.Theme;
import dev.threadlab.ui.term.DetachedTerminal;
import dev.threadlab.ui.term.RecordingOutput;
import dev.threadlab.ui.term.TtyTerminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
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

    /**
     * @param first    the scenario to start with, or null for the picker
     * @param duration quit by itself after this long, or null
     */
    public static int launch(ScenarioCatalog catalog, ScenarioEntry first, Duration interval, Duration duration,
            DashboardOptions opts, PrintWriter err) {
        Sampler sampler = new Sampler(ManagementFactory.getThreadMXBean());
        return launch(catalog, first, Session.Feed.local(sampler), () -> Session.Feed.local(sampler), interval,
                duration, opts, err);
    }

    /**
     * @param feed    where samples come from (this JVM, or another one)
     * @param connect makes the feed again when it is lost
     */
    public static int launch(ScenarioCatalog catalog, ScenarioEntry first, Session.Feed feed,
            java.util.function.Supplier<Session.Feed> connect, Duration interval, Duration duration,
            DashboardOptions opts, PrintWriter err) {
        opts.check();
        // Check the script before taking the terminal: a bad line is a one-line error, not a flash of screen.
        AutopilotScript script = opts.autopilot == null ? null
                : AutopilotScript.load(opts.autopilot, first, catalog);
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
            dashboard[0] = new Dashboard(screen, theme, catalog, feed, connect, interval);
            if (duration != null) {
                quitAfter(dashboard[0], duration);
            }
            if (script != null) {
                CastWriter cast = taken.cast();
                pilot = new Autopilot(script, dashboard[0], cast == null ? text -> { } : cast::marker);
                pilot.start();
            }
            dashboard[0].run(first);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        } finally {
            if (pilot != null) {
                pilot.stop();
            }
            taken.giveBack();
            if (dashboard[0] != null) {
                dashboard[0].close();
            }
            finished.countDown();
            removeHook(hook);
        }
        if (failure != null) {
            log.error("the dashboard failed", failure);
            err.println("threadlab: the dashboard failed: " + failure + " (details in " + LogFile.current() + ")");
            err.flush();
            return 1;
        }
        if (opts.record != null) {
            err.println("threadlab: recorded " + opts.record);
            err.flush();
        }
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

    private static void quitAfter(Dashboard d, Duration duration) {
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(duration.toMillis());
                d.requestQuit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "threadlab-duration");
        timer.setDaemon(true);
        timer.start();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running and will find everything done.
        }
    }
}
