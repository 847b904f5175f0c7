package dev.threadlab.report;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.Event;
import java.time.Duration;

/**
 * A watch without a screen: an engine whose sinks write JSON lines, run until it is over (the run ended,
 * the time limit ran out, Ctrl-C, the link dropped). SIGTERM and SIGHUP stop it too, and the summary
 * still gets written before the JVM goes.
 */
public final class HeadlessRun {
    private final Engine engine;
    private volatile Snapshot last;

    /** {@code engine} is not started yet; its sinks (the JSON writers) are added already. */
    public HeadlessRun(Engine engine) {
        this.engine = engine;
        engine.add(e -> {
            if (e instanceof Event.Ended ended) {
                last = ended.last();
            }
        });
    }

    /** Runs to the end and returns the run's final state (how it ended, its counters and results). */
    public Snapshot execute() throws InterruptedException {
        Thread hook = new Thread(this::onSignal, "threadlab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            engine.start();
            while (!engine.awaitOver(Duration.ofDays(1))) {
                // a watch with no limit waits for Ctrl-C
            }
            if (last == null) {
                throw new IllegalStateException("the watch ended before any sample could be taken");
            }
            return last;
        } finally {
            removeHook(hook);
            engine.close();
        }
    }

    /** Ends the run early, as Ctrl-C does: the scenario is stopped and the summary says so. */
    public void requestStop() {
        engine.stop();
    }

    /** On SIGTERM or SIGHUP the JVM is going anyway: stop, and let the summary be written first. */
    private void onSignal() {
        engine.stop();
        try {
            engine.awaitOver(Engine.STOP_DEADLINE.plusSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and will return shortly.
        }
    }
}
