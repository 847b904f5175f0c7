package dev.threadlab.report;

import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.Watched;
import dev.threadlab.probe.jvm.AttachedJvm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A run without a screen: sample every interval and write each snapshot as JSON lines, until the
 * scenario ends or the time limit runs out (then stop it), and finish with the summary either way.
 * {@link #requestStop} (Ctrl-C) and SIGTERM stop the scenario too, and the summary still gets written.
 */
public final class HeadlessRun {
    /** How long a stopped scenario gets to end before the summary reports what was left. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(6); // a run's own clean-up may take 2 s + 2 s

    private final Watched run;
    private final Sampler sampler;
    private final Duration interval;
    private final Duration limit;
    private final JsonLines out;
    private final CountDownLatch written = new CountDownLatch(1);
    private volatile boolean interrupted;

    /**
     * @param limit stop the scenario after this long, or null to let it finish
     */
    public HeadlessRun(Watched run, Sampler sampler, Duration interval, Duration limit, JsonLines out) {
        this.run = run;
        this.sampler = sampler;
        this.interval = interval;
        this.limit = limit;
        this.out = out;
    }

    /** Samples until the end, writes the summary, and returns it: the last snapshot. */
    public Snapshot execute() throws InterruptedException {
        Thread hook = new Thread(this::onSignal, "threadlab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            long start = System.nanoTime();
            long deadline = limit == null ? Long.MAX_VALUE : start + limit.toNanos();
            long next = start;
            Snapshot last = null;
            while (true) {
                // Asked before the tick: if the run ends in between, this tick still shows it running
                // and the next (taken after the end) is the last.
                boolean ended = run.hasEnded();
                Snapshot taken = tick();
                if (taken == null) {
                    break; // the link to a watched JVM dropped: the summary says so
                }
                last = taken;
                out.snapshot(last);
                if (ended) {
                    break;
                }
                long now = System.nanoTime();
                if (now - deadline >= 0 || interrupted) {
                    run.stop(STOP_TIMEOUT);
                    Snapshot end = tick();
                    if (end != null) {
                        last = end;
                        out.snapshot(last);
                    }
                    break;
                }
                next += interval.toNanos();
                long wait = Math.min(next, deadline) - now;
                if (wait > 0) {
                    run.awaitEnd(Duration.ofNanos(wait)); // wakes early when the scenario ends
                }
            }
            if (last == null) {
                throw new IllegalStateException("no sample could be taken: " + run.runState().note());
            }
            out.summary(finalState(last));
            return finalState(last);
        } finally {
            written.countDown();
            removeHook(hook);
        }
    }

    /**
     * One sample; for a watched JVM whose link has dropped, null (and the watch ends, saying why).
     * A scenario in this JVM cannot lose its link: its failures are ThreadLab's own and propagate.
     */
    private Snapshot tick() {
        try {
            return sampler.tick(run);
        } catch (RuntimeException e) {
            if (run instanceof AttachedJvm attached) {
                attached.lost("connection lost: " + dev.threadlab.probe.jvm.Links.reason(e));
                return null;
            }
            throw e;
        }
    }

    /** The last sample, with the run's state as it is now (ended, and why). */
    private Snapshot finalState(Snapshot last) {
        return new Snapshot(last.tMs(), last.threads(), last.deadlocked(), last.counters(), last.results(),
                last.pools(), List.of(), run.runState(), last.tickMicros(), last.liveThreads());
    }

    /** Ends the run early, as Ctrl-C does: the scenario is stopped and the summary says so. */
    public void requestStop() {
        interrupted = true;
        Thread stopper = new Thread(() -> {
            try {
                run.stop(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "threadlab-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** On SIGTERM or SIGHUP the JVM is going anyway: stop the scenario and let the loop write the summary first. */
    private void onSignal() {
        interrupted = true;
        try {
            run.stop(STOP_TIMEOUT);
            written.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
