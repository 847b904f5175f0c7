package dev.threadlab.watch;

import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch: a source, the tick schedule, the deadlines (stopping, reconnecting, the time limit), and
 * the events it publishes to any number of sinks. Everything happens on one thread of its own
 * ({@code threadlab-engine}); what others ask (controls, pause, interval, a stack, the stop) is queued
 * and carried out there in order, so a slow tick or a scenario slow to stop never blocks the asker.
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    /** How long a scenario gets to stop (its own clean-up may take 2 s for threads and 2 s for processes). */
    public static final Duration STOP_DEADLINE = Duration.ofSeconds(6);

    /**
     * @param interval  time between samples
     * @param limit     stop after this long, or null to run until the run ends or a stop is asked
     * @param reconnect after a lost link, try again this often; null: the watch ends with the link
     * @param endWithRun the engine is over once its run has ended (headless), rather than waiting for more
     */
    public record Settings(Duration interval, Duration limit, Duration reconnect, boolean endWithRun) {
    }

    private final Source source;
    private final List<Sink> sinks = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Runnable> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch over = new CountDownLatch(1);
    private final Thread thread;
    private final long originNanos = System.nanoTime();
    private final Duration limit;
    private final Duration reconnectEvery;
    private final boolean endWithRun;
    private volatile Duration interval;
    private volatile boolean paused;
    private boolean closed;

    // ---- the engine thread's own
    private RunInfo current;
    private long generation;
    private Snapshot last;
    private boolean endTold;
    private boolean linkDown;
    private long lastAttemptNanos;
    private boolean finished;
    private long nextTickNanos;
    private Playback playback;

    public Engine(Source source, Settings settings) {
        this.source = source;
        this.interval = settings.interval();
        this.limit = settings.limit();
        this.reconnectEvery = settings.reconnect();
        this.endWithRun = settings.endWithRun();
        this.thread = new Thread(this::loop, "threadlab-engine");
        thread.setDaemon(true);
    }

    public Engine add(Sink sink) {
        sinks.add(sink);
        return this;
    }

    public void start() {
        thread.start();
    }

    // ---- requests (each returns at once)

    public void control(Control c, Consumer<String> refused) {
        submit(() -> {
            String why = source.control(c);
            if (why != null) {
                refused.accept(why);
                return;
            }
            tick(); // show what changed now, not an interval later
            nextTickNanos = System.nanoTime() + source.pace(interval).toNanos();
        });
    }

    /** Holds sampling (the run goes on); resuming samples at once. */
    public void pause(boolean on) {
        paused = on;
        if (!on) {
            submit(this::tick);
        }
    }

    public boolean paused() {
        return paused;
    }

    /** Samples every {@code d} from now on, starting with one right away. */
    public void setInterval(Duration d) {
        interval = d;
        submit(() -> nextTickNanos = System.nanoTime());
    }

    public Duration interval() {
        return interval;
    }

    public void focusCpu(Set<Long> threadIds) {
        Set<Long> ids = Set.copyOf(threadIds);
        submit(() -> source.focusCpu(ids));
    }

    /** Reads one thread's stack on the engine's thread; {@code done} gets it, and the sinks hear of it. */
    public void readStack(long threadId, String threadName, Consumer<StackSample> done) {
        submit(() -> {
            StackSample stack = source.stack(threadId, threadName);
            if (stack != null) {
                publish(new Event.StackRead(generation, stack));
            }
            done.accept(stack);
        });
    }

    /** Runs {@code task} on the engine's thread with the source (a replay's seek, say). */
    public <S extends Source> void withSource(Class<S> kind, Consumer<S> task) {
        submit(() -> {
            if (kind.isInstance(source)) {
                task.accept(kind.cast(source));
                tick();
            }
        });
    }

    /** Ends the watch: stops the run within its deadline, takes a last sample, tells the end. */
    public void stop() {
        submit(this::finish);
    }

    /** Waits up to {@code timeout} for the engine to be over; true if it is. */
    public boolean awaitOver(Duration timeout) throws InterruptedException {
        return over.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean isOver() {
        return over.getCount() == 0;
    }

    /** Stops (telling the sinks, so a recording ends with its summary) and lets go of the source. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (thread.isAlive()) {
            stop();
            try {
                if (!awaitOver(STOP_DEADLINE.plusSeconds(1))) {
                    log.warn("the engine did not stop within {}", STOP_DEADLINE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread.interrupt();
        source.close();
    }

    private void submit(Runnable r) {
        requests.add(r);
    }

    // ---- on the engine's thread

    private void loop() {
        long deadline = limit == null ? Long.MAX_VALUE : originNanos + limit.toNanos();
        nextTickNanos = System.nanoTime();
        try {
            while (!finished) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    finish();
                    break;
                }
                long wait = Math.min(nextTickNanos - now, deadline - now);
                Runnable r = wait > 0 ? requests.poll(wait, TimeUnit.NANOSECONDS) : requests.poll();
                if (r != null) {
                    run(r);
                } else if (System.nanoTime() - nextTickNanos >= 0) {
                    if (!paused) {
                        tick();
                    }
                    long pace = source.pace(interval).toNanos();
                    nextTickNanos += pace;
                    if (System.nanoTime() - nextTickNanos > 0) {
                        nextTickNanos = System.nanoTime() + pace; // a tick overran: no burst to catch up
                    }
                }
            }
        } catch (InterruptedException e) {
            // closed
        } finally {
            if (!finished) {
                tellOver();
            }
        }
    }

    private void run(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("an engine request failed", e);
        }
    }

    private void tick() {
        if (finished) {
            return;
        }
        if (linkDown) {
            tryReconnect();
            return;
        }
        do {
            sampleOnce();
        } while (source.behind() && !finished);
        Playback p = source.playback();
        if (p != null && !p.equals(playback)) {
            playback = p;
            publish(new Event.Played(generation, p));
        }
    }

    private void sampleOnce() {
        RunInfo r = source.run();
        if (r == null) {
            return; // nothing runs yet
        }
        if (r != current) {
            begin(r);
        }
        Snapshot s;
        try {
            s = source.sample();
        } catch (LinkLost e) {
            lost(e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.error("sampling failed", e);
            return;
        }
        if (s == null) {
            return; // nothing new (a recording held, or at its end)
        }
        last = s;
        publish(new Event.Sampled(generation, s));
        if (s.run().status().ended() && !endTold) {
            endTold = true;
            publish(new Event.Ended(generation, s));
            if (endWithRun) {
                over();
            }
        }
    }

    private void begin(RunInfo r) {
        current = r;
        generation++;
        last = null;
        endTold = false;
        publish(new Event.Began(generation, r, (System.nanoTime() - originNanos) / 1_000_000, interval.toMillis()));
    }

    private void lost(String reason) {
        if (reconnectEvery == null) {
            RunState was = last != null ? last.run() : new RunState(current.target(), RunState.Status.RUNNING, 0,
                    false, null, null);
            Snapshot end = (last != null ? last : empty(was)).withoutOutput()
                    .withRun(new RunState(was.id(), RunState.Status.FAILED, was.elapsedMs(), false, null,
                            "connection lost: " + reason));
            publish(new Event.LinkLost(generation, reason));
            endTold = true;
            publish(new Event.Ended(generation, end));
            over();
            return;
        }
        linkDown = true;
        lastAttemptNanos = System.nanoTime();
        publish(new Event.LinkLost(generation, "connection lost: " + reason + "; retrying"));
    }

    private void tryReconnect() {
        if (System.nanoTime() - lastAttemptNanos < reconnectEvery.toNanos()) {
            return;
        }
        lastAttemptNanos = System.nanoTime();
        try {
            if (source.reconnect()) {
                linkDown = false;
                tick(); // a new link: a new run, and a fresh history
            }
        } catch (RuntimeException e) {
            publish(new Event.LinkLost(generation, "connection lost: " + e.getMessage() + "; retrying"));
        }
    }

    /** The end of the watch: stop the run, show how it ended, and say so. */
    private void finish() {
        if (finished) {
            return;
        }
        if (current != null && !linkDown && !endTold) {
            try {
                source.stop(STOP_DEADLINE);
            } catch (RuntimeException e) {
                log.warn("stopping the source failed", e);
            }
            tick();
            if (!endTold && last != null) {
                endTold = true;
                publish(new Event.Ended(generation, last));
            }
        }
        over();
    }

    private void over() {
        finished = true;
        tellOver();
    }

    private void tellOver() {
        if (over.getCount() > 0) {
            publish(new Event.Over(generation));
            over.countDown();
        }
    }

    private void publish(Event e) {
        for (Sink s : sinks) {
            try {
                s.on(e);
            } catch (RuntimeException ex) {
                log.error("a sink failed on {}", e.getClass().getSimpleName(), ex);
            }
        }
    }

    static Snapshot empty(RunState run) {
        return new Snapshot(run.elapsedMs(), List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of(), run, 0,
                0);
    }
}
