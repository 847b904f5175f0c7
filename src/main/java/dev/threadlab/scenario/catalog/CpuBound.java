package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.MachineLoad;
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
    /** Slices between two readings of a thread's CPU time (each costs about a microsecond): some 10 ms. */
    static final int CPU_EVERY = 64;

    private final int threads;
    private final long steps;
    private final boolean gil;
    private final long switchNanos;
    private final Duration pace;
    private volatile long sink;
    /** CPU time the threads of the run going on have got so far (each adds its own, every few milliseconds). */
    private final AtomicLong teamCpu = new AtomicLong();

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
        long[] runStart = {-1};
        long[] runEnd = {-1};
        MachineLoad.Window[] elsewhere = {null};
        ctx.counter("cores", () -> Runtime.getRuntime().availableProcessors());
        ctx.counter("threads", () -> threads);
        ctx.counter("percentDone", () -> Math.min(100, done.get() * 100 / Math.max(1, steps))); // of the run going on
        ctx.counter("singleMs", () -> singleNanos[0] < 0 ? null : singleNanos[0] / 1_000_000);
        ctx.counter("threadedMs", () -> threadedNanos[0] < 0 ? null : threadedNanos[0] / 1_000_000);
        ctx.counter("speedup", () -> singleNanos[0] < 0 || threadedNanos[0] <= 0 ? null
                : Math.round(singleNanos[0] * 100.0 / threadedNanos[0]) / 100.0);
        // What the threads of the run going on really got: their CPU time over the wall time, in cores.
        ctx.counter("coresUsed", () -> runStart[0] < 0 ? null : round2(teamCpu.get()
                / (double) Math.max(1, (runEnd[0] > 0 ? runEnd[0] : System.nanoTime()) - runStart[0])));
        ctx.counter("busyElsewhere", () -> elsewhere[0] == null || Double.isNaN(elsewhere[0].busyElsewhere()) ? null
                : round2(elsewhere[0].busyElsewhere()));
        if (gil) {
            ctx.counter("gilHandovers", handovers::get);
        }

        ctx.pause(pace);
        ctx.step("one thread does all the work");
        Run single = timed(ctx, "single", 1, lock, handovers, done, runStart, runEnd);
        singleNanos[0] = single.wallNanos();
        elsewhere[0] = single.machine();
        ctx.print(String.format(Locale.ROOT, "1 thread: %,d ms on %.1f cores", singleNanos[0] / 1_000_000,
                single.cores()));
        ctx.pause(pace);
        done.set(0);
        ctx.step(threads + " threads share the same work");
        Run team = timed(ctx, "cpu", threads, lock, handovers, done, runStart, runEnd);
        threadedNanos[0] = team.wallNanos();
        elsewhere[0] = team.machine();
        double speedup = singleNanos[0] / (double) threadedNanos[0];
        ctx.print(String.format(Locale.ROOT, "%d threads: %,d ms, speedup %.2f", threads,
                threadedNanos[0] / 1_000_000, speedup));
        ctx.result("gil", gil);
        ctx.finding(finding(team));
        ctx.pause(pace);
    }

    /** One timed run: its wall time, the cores its threads got, and what the machine did meanwhile. */
    record Run(long wallNanos, double cores, MachineLoad.Window machine) {
    }

    /** What the threaded run got, and why, in a line: "2 threads got 0.7 cores: the machine is busy (others took 1.3)". */
    String finding(Run team) {
        String got = String.format(Locale.ROOT, "%d threads got %.1f cores", threads, round2(team.cores()));
        if (gil) {
            return got + ": the GIL lets one compute at a time";
        }
        int could = Math.min(threads, team.machine().cores());
        if (team.cores() >= 0.8 * could) {
            return got + (could > 1 ? ": with no GIL they compute at once" : ": this machine has 1 core");
        }
        String why = team.machine().describe();
        return got + ": the machine is busy" + (why.isEmpty() ? "" : " (" + why + ")");
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Runs all the work split among {@code n} new threads, timed from the start signal to the last one's end. */
    private Run timed(ScenarioContext ctx, String prefix, int n, NamedLock lock, AtomicLong handovers, AtomicLong done,
            long[] runStart, long[] runEnd) throws InterruptedException {
        CountDownLatch go = ctx.newLatch("go", 1);
        teamCpu.set(0);
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
        MachineLoad.Reading before = MachineLoad.read();
        runEnd[0] = -1;
        runStart[0] = before.wallNanos();
        go.countDown();
        for (Thread t : team) {
            t.join();
        }
        MachineLoad.Reading after = MachineLoad.read();
        runEnd[0] = after.wallNanos();
        if (ctx.stopping()) {
            throw new InterruptedException("stopped mid-run: no time to report"); // the threads quit early
        }
        long took = after.wallNanos() - before.wallNanos();
        return new Run(took, teamCpu.get() / (double) took, MachineLoad.between(before, after, teamCpu.get()));
    }

    private void compute(long share, NamedLock lock, AtomicLong handovers, AtomicLong done) throws InterruptedException {
        long x = share;
        long left = share;
        long cpuSeen = MachineLoad.threadCpuNanos();
        int slices = 0;
        try {
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
                        if (++slices % CPU_EVERY == 0) {
                            cpuSeen = addCpu(cpuSeen);
                        }
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
        } finally {
            addCpu(cpuSeen);
        }
        sink = x;
    }

    /** Adds this thread's CPU time since {@code since} to the team's; returns the time now. */
    private long addCpu(long since) {
        long now = MachineLoad.threadCpuNanos();
        teamCpu.addAndGet(Math.max(0, now - since));
        return now;
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
