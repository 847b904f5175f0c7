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

    /** A snapshot, tagged with the run it belongs to: a new generation means a new run, a fresh history. */
    public record Sampled(long generation, Snapshot snapshot) {
    }

    private final Sampler sampler;
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
    private SampleSource idle = SampleSource.jvmOnly();

    public Session(Sampler sampler, Duration interval, Consumer<Sampled> sink) {
        this.sampler = sampler;
        this.interval = interval;
        this.sink = sink;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "threadlab-sampler");
            t.setDaemon(true);
            return t;
        });
        submit(this::reschedule);
    }

    // ---- requests from the screen (each returns at once)

    /** Stops the current scenario, if any, and starts {@code next}. */
    public void start(ScenarioEntry next) {
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
            ThreadInfo info;
            try {
                info = sampler.stackOf(threadId);
            } catch (RuntimeException e) {
                info = null;
            }
            done.accept(info);
        });
    }

    /** CPU times to read even with thousands of threads: the rows on screen. */
    public void focusCpuOn(java.util.Set<Long> ids) {
        sampler.setCpuFocus(ids);
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
        try {
            ScenarioRun r = run;
            Snapshot s = sampler.tick(r != null ? r : idle);
            sink.accept(new Sampled(generation, s));
        } catch (RuntimeException e) {
            log.error("sampling failed", e);
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
        sampler.close();
    }
}
