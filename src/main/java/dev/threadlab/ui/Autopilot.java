package dev.threadlab.ui;

import dev.threadlab.ui.AutopilotScript.Caption;
import dev.threadlab.ui.AutopilotScript.Control;
import dev.threadlab.ui.AutopilotScript.Key;
import dev.threadlab.ui.AutopilotScript.Quit;
import dev.threadlab.ui.AutopilotScript.Run;
import dev.threadlab.ui.AutopilotScript.Set;
import dev.threadlab.ui.AutopilotScript.Step;
import dev.threadlab.ui.AutopilotScript.Until;
import dev.threadlab.ui.AutopilotScript.Wait;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plays a script on its own thread, doing to the dashboard what a person at the keyboard would. */
public final class Autopilot {
    private static final Logger log = LoggerFactory.getLogger(Autopilot.class);
    private static final long POLL_MS = 50;

    private final AutopilotScript script;
    private final Dashboard dashboard;
    private final java.util.function.Consumer<String> marker;
    private Thread thread;
    private volatile Until missed;

    /**
     * @param marker told each caption as it is shown (a recording writes it as a marker)
     */
    public Autopilot(AutopilotScript script, Dashboard dashboard, java.util.function.Consumer<String> marker) {
        this.script = script;
        this.dashboard = dashboard;
        this.marker = marker;
    }

    public void start() {
        thread = new Thread(this::play, "threadlab-autopilot");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void play() {
        try {
            for (Step step : script.steps()) {
                if (!perform(step)) {
                    // What the script says next would not be true: say why, let it be read, and end.
                    String why = "Demo stopped: " + (missed.line() > 0 ? "line " + missed.line() + ": " : "")
                            + missed.notReached() + ".";
                    marker.accept(why);
                    dashboard.caption(why);
                    TimeUnit.SECONDS.sleep(3);
                    dashboard.requestQuit();
                    return;
                }
            }
        } catch (InterruptedException e) {
            // the dashboard is closing
        }
    }

    /** The line of the script that waited for what never came, or null. */
    public Until missed() {
        return missed;
    }

    /** Does {@code step}; false when it waited for something that did not come. */
    private boolean perform(Step step) throws InterruptedException {
        if (step instanceof Wait w) {
            TimeUnit.NANOSECONDS.sleep(w.time().toNanos());
        } else if (step instanceof Key k) {
            dashboard.press(k.key());
        } else if (step instanceof Caption c) {
            marker.accept(c.text());
            dashboard.caption(c.text());
        } else if (step instanceof Set s) {
            dashboard.setParams(s.values());
        } else if (step instanceof Run r) {
            dashboard.runScenario(r.entry());
        } else if (step instanceof Control c) {
            dashboard.act(c.action());
        } else if (step instanceof Until u) {
            long deadline = System.nanoTime() + u.max().toNanos();
            long fence = dashboard.fence();
            while (!dashboard.reached(u, fence) && System.nanoTime() - deadline < 0) {
                TimeUnit.MILLISECONDS.sleep(POLL_MS);
            }
            if (!dashboard.reached(u, fence)) {
                missed = u;
                log.info("autopilot: line {}: {}", u.line(), u.notReached());
                return false;
            }
        } else if (step instanceof Quit) {
            dashboard.requestQuit();
        }
        return true;
    }

    /** How long the script runs at most; a hint for recordings. */
    public Duration longest() {
        return script.longest();
    }
}
