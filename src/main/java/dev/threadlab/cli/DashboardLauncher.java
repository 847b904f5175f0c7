package dev.threadlab.cli;

import com.googlecode.lanterna.screen.Screen;
import dev.threadlab.UserError;
import dev.threadlab.probe.Sampler;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.ui.Dashboard;
import dev.threadlab.ui.Glyphs;
import dev.threadlab.ui.Theme;
import dev.threadlab.ui.term.TtyTerminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the terminal, runs the dashboard, and gives the terminal back on every way out: q, Ctrl-C,
 * SIGTERM, SIGHUP (a dropped SSH link), or an unexpected exception, whose trace goes to the log.
 */
public final class DashboardLauncher {
    private static final Logger log = LoggerFactory.getLogger(DashboardLauncher.class);
    /** How long a signal waits for the screen's thread to stop drawing and the scenario to stop. */
    private static final long SHUTDOWN_WAIT_MS = 5000;

    private DashboardLauncher() {
    }

    /**
     * @param first    the scenario to start with, or null for the picker
     * @param duration quit by itself after this long, or null
     */
    public static int launch(ScenarioCatalog catalog, ScenarioEntry first, Duration interval, Duration duration,
            boolean ascii, PrintWriter err) {
        Theme theme = new Theme(Theme.depthFrom(System.getenv()), ascii ? Glyphs.ASCII : Glyphs.UNICODE);
        TtyTerminal terminal;
        try {
            terminal = TtyTerminal.open(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("the dashboard needs a terminal and there is none here (" + e.getMessage()
                    + "): add --headless for JSON lines");
        }
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
            terminal.restore();
        }, "threadlab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Throwable failure = null;
        try {
            Screen screen = Dashboard.startScreen(terminal);
            dashboard[0] = new Dashboard(screen, theme, catalog, new Sampler(ManagementFactory.getThreadMXBean()),
                    interval);
            if (duration != null) {
                quitAfter(dashboard[0], duration);
            }
            dashboard[0].run(first);
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        } finally {
            terminal.restore();
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
        return 0;
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
