package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.NamedLock;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same CPU work done twice: by one thread, then split among N. On the JVM the N threads run
 * bytecode on N cores at once, so the second run is faster ({@code speedup} near the core count).
 *
 * <p>With {@code gil=true} every thread must hold one fair lock, 'GIL', to run a slice of work, and
 * gives it up after {@code switchInterval} (CPython's switch interval is 5 ms), so only one thread
 * computes at a time, as in CPython: the speedup falls to about 1 and the others are seen waiting
 * for the GIL.
 */
public final class CpuBound implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("cpu-bound", List.of(
            ParamSpec.integer("threads", 2, 1, 256, "threads sharing the work in the second run"),
            ParamSpec.integer("work", 2000, 1, 1_000_000, "CPU work in all, in millions of steps (about 1.5 ns a step)"),
            ParamSpec.flag("gil", false, "emulate CPython's global interpreter lock"),
            ParamSpec.duration("switchInterval", Duration.ofMillis(5), Duration.ofSeconds(1),
                    "with gil: how long a thread may keep the GIL while others wait (CPython: 5 ms)"),
            ParamSpec.duration("pace", Duration.ofMillis(500), Duration.ofMinutes(1),
                    "pause before each run, so the two show apart")),
            CpuBound::new);

    /** Steps in one slice of work, about 0.15 ms: the grain at which a thread checks for a stop (or the GIL's clock). */
    static final int SLICE = 100_000;

    private final int threads;
    private final long steps;
    private final boolean gil;
    private final long switchNanos;
    private final Duration pace;
    private volatile long sink;

    CpuBound(Params p) {
        this.threads = p.integer("threads");
        this.steps = p.longValue("work") * 1_000_000L;
        this.gil = p.flag("gil");
        this.switchNanos = p.duration("switchInterval").toNanos();
        this.pace = p.duration("pace");
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        NamedLock lock = gil ? ctx.newLock("GIL", true) : null;
        AtomicLong handovers = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long[] singleNanos = {-1};
        long[] threadedNanos = {-1};
        ctx.counter("cores", () -> Runtime.getRuntime().availableProcessors());
        ctx.counter("threads", () -> threads);
        ctx.counter("percentDone", () -> Math.min(100, done.get() * 100 / Math.max(1, steps))); // of the run going on
        ctx.counter("singleMs", () -> singleNanos[0] < 0 ? null : singleNanos[0] / 1_000_000);
        ctx.counter("threadedMs", () -> threadedNanos[0] < 0 ? null : threadedNanos[0] / 1_000_000);
        ctx.counter("speedup", () -> singleNanos[0] < 0 || threadedNanos[0] <= 0 ? null
                : Math.round(singleNanos[0] * 100.0 / threadedNanos[0]) / 100.0);
        if (gil) {
            ctx.counter("gilHandovers", handovers::get);
        }

        ctx.pause(pace);
        ctx.step("one thread does all the work");
        singleNanos[0] = timed(ctx, "single", 1, lock, handovers, done);
        ctx.print(String.format(Locale.ROOT, "1 thread: %,d ms", singleNanos[0] / 1_000_000));
        ctx.pause(pace);
        done.set(0);
        ctx.step(threads + " threads share the same work");
        threadedNanos[0] = timed(ctx, "cpu", threads, lock, handovers, done);
        double speedup = singleNanos[0] / (double) threadedNanos[0];
        ctx.print(String.format(Locale.ROOT, "%d threads: %,d ms, speedup %.2f on %d cores%s", threads,
                threadedNanos[0] / 1_000_000, speedup, Runtime.getRuntime().availableProcessors(),
                gil ? " (with the GIL)" : ""));
        ctx.result("gil", gil);
        ctx.pause(pace);
    }

    /** Runs all the work split among {@code n} new threads; returns the wall time from the start signal to the last one's end. */
    private long timed(ScenarioContext ctx, String prefix, int n, NamedLock lock, AtomicLong handovers, AtomicLong done)
            throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> team = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long share = steps / n + (i < steps % n ? 1 : 0);
            String name = n == 1 ? prefix : prefix + "-" + (i + 1);
            team.add(ctx.newThread(name, () -> {
                try {
                    go.await();
                    compute(share, lock, handovers, done);
                } catch (InterruptedException e) {
                    // stopped
                }
            }));
        }
        team.forEach(Thread::start);
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : team) {
            t.join();
        }
        long took = System.nanoTime() - start;
        if (ctx.stopping()) {
            throw new InterruptedException("stopped mid-run: no time to report"); // the threads quit early
        }
        return took;
    }

    private void compute(long share, NamedLock lock, AtomicLong handovers, AtomicLong done) throws InterruptedException {
        long x = share;
        long left = share;
        while (left > 0) {
            if (lock != null) {
                lock.lockInterruptibly(); // the GIL: no bytecode without it
            }
            try {
                long heldSince = System.nanoTime();
                do {
                    int n = (int) Math.min(SLICE, left);
                    x = slice(x, n);
                    left -= n;
                    done.addAndGet(n);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException();
                    }
                } while (left > 0 && (lock == null || System.nanoTime() - heldSince < switchNanos));
            } finally {
                if (lock != null) {
                    if (lock.hasQueuedThreads()) {
                        handovers.incrementAndGet(); // fair: the longest waiter gets it next
                    }
                    lock.unlock();
                }
            }
        }
        sink = x;
    }

    /** Pure arithmetic the JIT cannot skip: each step needs the one before. */
    static long slice(long x, int n) {
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }
}
