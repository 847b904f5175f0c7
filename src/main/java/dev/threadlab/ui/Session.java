package dev.threadlab.ui;

import dev.threadlab.probe.SampleSource;
import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.scenario.ScenarioRun;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's engine room, on one thread of its own ({@code threadlab-sampler}): it ticks the
 * sampler, and carries out what the keys ask of the scenario (start, stop, step) and of the
 * sampling (pause, interval). The screen's thread only sends it requests and receives snapshots,
 * so a slow tick or a scenario slow to stop never freezes the keys.
 */
public final class Session implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Session.class);
    static final List<Duration> INTERVALS = List.of(Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    /**
     * A snapshot, tagged with the run it belongs to: a new generation means a new run, a fresh
     * history. When sampling failed (a watched JVM's link dropped), no snapshot but the problem.
     */
    public record Sampled(long generation, Snapshot snapshot, String problem) {
    }

    /**
     * Where samples come from: a sampler, the source it reads when no scenario runs (this JVM alone,
     * or another JVM), and how to let go of them. Another JVM's feed can be lost and made again.
     */
    public record Feed(Sampler sampler, SampleSource idle, boolean scenarios, Runnable close) {
        public static Feed local(Sampler sampler) {
            return new Feed(sampler, SampleSource.jvmOnly(), true, sampler::close);
        }
    }

    private static final long RECONNECT_EVERY_NANOS = 2_000_000_000L;

    private final java.util.function.Supplier<Feed> connect;
    private volatile Feed feed;
    private long lastAttemptNanos;
    private final boolean scenarios;
    private final Consumer<Sampled> sink;
    private final ScheduledExecutorService worker;
    private volatile ScenarioRun run;
    private volatile ScenarioEntry entry;
    private volatile long generation;
    /** Counted when a run is asked for, before the worker starts it: see {@link #requestedGeneration}. */
    private final java.util.concurrent.atomic.AtomicLong requested = new java.util.concurrent.atomic.AtomicLong();
    private volatile Duration interval;
    private volatile boolean paused;
    private ScheduledFuture<?> ticking;
    private final dev.threadlab.probe.jvm.ScenarioBeans beans;

    public Session(Sampler sampler, Duration interval, Consumer<Sampled> sink) {
        this(() -> Feed.local(sampler), Feed.local(sampler), interval, sink);
    }

    /**
     * @param connect makes the feed again after it was lost (for another JVM: reconnects)
     */
    public Session(java.util.function.Supplier<Feed> connect, Feed first, Duration interval, Consumer<Sampled> sink) {
        this.connect = connect;
        this.feed = first;
        this.scenarios = first.scenarios();
        this.interval = interval;
        this.sink = sink;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "threadlab-sampler");
            t.setDaemon(true);
            return t;
        });
        submit(this::reschedule);
        // The scenario's counters and pools as an MBean too, for a dashboard attached from another process.
        this.beans = scenarios ? dev.threadlab.probe.jvm.ScenarioBeans.publish("dashboard", this::current) : null;
    }

    /** What is watched now: the run, or the feed's own source. */
    private SampleSource current() {
        ScenarioRun r = run;
        Feed f = feed;
        return r != null ? r : f != null ? f.idle() : SampleSource.jvmOnly();
    }

    // ---- requests from the screen (each returns at once)

    /** Stops the current scenario, if any, and starts {@code next}. */
    /** False when watching another JVM: there is no scenario here to start, stop or step. */
    public boolean runsScenarios() {
        return scenarios;
    }

    public void start(ScenarioEntry next) {
        if (!scenarios) {
            return;
        }
        long g = requested.incrementAndGet();
        entry = next;
        submit(() -> begin(next, g, false));
    }

    /** The entry again, with some parameters changed: it restarts with them. */
    public void restartWith(java.util.Map<String, Object> values) {
        ScenarioEntry e = entry;
        if (e != null) {
            start(e.withParams(e.params().with(values)));
        }
    }

    /** Stops a running scenario; nothing if it has ended. */
    public void stop() {
        submit(() -> {
            stopRun();
            tick();
        });
    }

    /** Starts the scenario again if it has ended; nothing while it runs. */
    public void startIfEnded() {
        ScenarioRun r = run;
        if (r == null || r.hasEnded()) {
            restart();
        }
    }

    /**
     * The number of the run most recently asked for. Snapshots tagged with a smaller generation
     * belong to a run that is on its way out.
     */
    public long requestedGeneration() {
        return requested.get();
    }

    /** s: stops a running scenario; starts an ended one again. */
    public void startOrStop() {
        ScenarioRun r = run;
        if (r != null && !r.hasEnded()) {
            stop();
        } else {
            restart();
        }
    }

    public void restart() {
        ScenarioEntry e = entry;
        if (e != null) {
            start(e);
        }
    }

    /**
     * Step mode: the first press holds each thread at its next gate; each press after opens one. On
     * a run that has ended, it starts again held at its very first gate.
     */
    public void step() {
        ScenarioRun ended = run;
        ScenarioEntry e = entry;
        if ((ended == null || ended.hasEnded()) && e != null) {
            long g = requested.incrementAndGet();
            submit(() -> begin(e, g, true));
            return;
        }
        submit(() -> {
            ScenarioRun r = run;
            if (r == null || r.hasEnded()) {
                return;
            }
            if (!r.runState().stepMode()) {
                r.setStepMode(true);
            } else {
                r.step();
            }
            tick();
        });
    }

    public void continueRun() {
        submit(() -> {
            ScenarioRun r = run;
            if (r != null) {
                r.setStepMode(false);
                tick();
            }
        });
    }

    public void togglePause() {
        paused = !paused;
        if (!paused) {
            submit(this::tick);
        }
    }

    public void faster() {
        changeInterval(-1);
    }

    public void slower() {
        changeInterval(+1);
    }

    private void changeInterval(int direction) {
        int at = 0;
        while (at < INTERVALS.size() - 1 && INTERVALS.get(at).compareTo(interval) < 0) {
            at++;
        }
        int next = Math.max(0, Math.min(INTERVALS.size() - 1, at + direction));
        interval = INTERVALS.get(next);
        submit(this::reschedule);
    }

    /** Reads one thread's stack off the screen's thread; {@code done} gets null if the thread is gone. */
    public void requestStack(long threadId, Consumer<ThreadInfo> done) {
        submit(() -> {
            ThreadInfo info = null;
            Feed f = feed;
            try {
                info = f == null ? null : f.sampler().stackOf(threadId, f.scenarios());
            } catch (RuntimeException e) {
                log.info("no stack for thread {}: {}", threadId, e.toString());
            }
            done.accept(info);
        });
    }

    /** CPU times to read even with thousands of threads: the rows on screen. */
    public void focusCpuOn(java.util.Set<Long> ids) {
        Feed f = feed;
        if (f != null) {
            f.sampler().setCpuFocus(ids);
        }
    }

    // ---- what the screen shows

    public ScenarioEntry entry() {
        return entry;
    }

    public Duration interval() {
        return interval;
    }

    public boolean paused() {
        return paused;
    }

    // ---- on the worker thread

    private void begin(ScenarioEntry next, long g, boolean stepMode) {
        stopRun();
        generation = g;
        run = ScenarioRun.start(next, stepMode);
        tick();
    }

    private void stopRun() {
        ScenarioRun r = run;
        if (r == null || r.hasEnded()) {
            return;
        }
        try {
            if (!r.stop(STOP_TIMEOUT)) {
                log.warn("scenario {} did not stop within {}", r.entry().id(), STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reschedule() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        long nanos = interval.toNanos();
        ticking = worker.scheduleAtFixedRate(() -> {
            if (!paused) {
                tick();
            }
        }, 0, nanos, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        Feed f = feed;
        if (f == null) {
            f = reconnect();
            if (f == null) {
                return;
            }
        }
        try {
            ScenarioRun r = run;
            Snapshot s = f.sampler().tick(r != null ? r : f.idle());
            sink.accept(new Sampled(generation, s, null));
        } catch (RuntimeException e) {
            if (f.scenarios()) {
                log.error("sampling failed", e);
                return;
            }
            // Another JVM's link dropped: say so, let go, and try again every few seconds.
            log.warn("lost the watched JVM", e);
            feed = null;
            f.close().run();
            lastAttemptNanos = System.nanoTime();
            sink.accept(new Sampled(generation, null, "connection lost: "
                    + dev.threadlab.probe.jvm.Links.reason(e) + "; retrying"));
        }
    }

    private Feed reconnect() {
        if (System.nanoTime() - lastAttemptNanos < RECONNECT_EVERY_NANOS) {
            return null;
        }
        lastAttemptNanos = System.nanoTime();
        try {
            Feed f = connect.get();
            feed = f;
            generation = requested.incrementAndGet(); // a new link: a fresh history
            return f;
        } catch (RuntimeException e) {
            sink.accept(new Sampled(generation, null, "connection lost: " + e.getMessage() + "; retrying"));
            return null;
        }
    }

    private void submit(Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("dashboard request failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the request no longer matters.
        }
    }

    /** Stops sampling, then the scenario (under a deadline), and puts the JVM's switches back. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopRun();
        if (beans != null) {
            beans.close();
        }
        Feed f = feed;
        if (f != null) {
            f.close().run();
        }
    }
}
