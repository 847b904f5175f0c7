package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.NamedLock;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two threads take two locks in opposite order: worker-1 takes A then B, worker-2 takes B then A.
 * A latch makes sure each holds its first lock before either reaches for its second, so the
 * deadlock happens every run. It lasts until the run is stopped.
 *
 * <p>With {@code ReentrantLock.lockInterruptibly()} a stop interrupts both waits and the threads
 * end. With {@code synchronized} nothing can free them: they are daemons, so the JVM still exits,
 * and the run's note says they are left behind.
 */
public final class Deadlock implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("deadlock", List.of(
            ParamSpec.choice("lock", "reentrant", List.of("reentrant", "synchronized"),
                    "reentrant: ReentrantLock.lockInterruptibly, freed on stop; synchronized: monitors, never freed"),
            ParamSpec.duration("pace", Duration.ofSeconds(1), Duration.ofMinutes(1),
                    "how long each worker holds its first lock before reaching for the second")),
            Deadlock::new);

    private final boolean monitors;
    private final Duration pace;

    Deadlock(Params p) {
        this.monitors = p.choice("lock").equals("synchronized");
        this.pace = p.duration("pace");
    }

    /** One lock of the pair, as a monitor or a ReentrantLock, with how to take it. */
    private interface Lock {
        /** Runs {@code then} while holding this lock. */
        void hold(Held then) throws InterruptedException;
    }

    private interface Held {
        void run() throws InterruptedException;
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        Lock a = lock(ctx, "A");
        Lock b = lock(ctx, "B");
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        // In step mode main's "start worker-2" comes before either worker's first lock, every run.
        CountDownLatch bothStarted = ctx.newLatch("both started", 1);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger wanting = new AtomicInteger();
        ctx.counter("holdingOne", holding::get);
        ctx.counter("waiting", wanting::get); // for the lock the other holds
        AtomicInteger freed = new AtomicInteger(); // workers that have ended: 2 after a stop, 0 with monitors
        ctx.counter("freed", freed::get);

        ctx.step("create worker-1 and worker-2");
        Thread w1 = worker(ctx, "worker-1", a, "A", b, "B", bothStarted, bothHoldOne, holding, wanting, freed);
        Thread w2 = worker(ctx, "worker-2", b, "B", a, "A", bothStarted, bothHoldOne, holding, wanting, freed);
        ctx.print("worker-1: A then B; worker-2: B then A");
        ctx.step("start worker-1");
        w1.start();
        ctx.step("start worker-2");
        w2.start();
        bothStarted.countDown();
        try {
            // Runs until stopped: main waits here while the two workers wait for each other.
            w1.join();
            w2.join();
        } finally {
            if (monitors && stuck(w1, w2)) {
                ctx.abandon(w1);
                ctx.abandon(w2);
                ctx.note("synchronized deadlock: worker-1 and worker-2 can never be freed (a thread blocked on a"
                        + " monitor ignores interrupts); they are daemon threads, so the JVM can still exit");
            }
        }
    }

    /** Whether either worker is still alive a moment after the stop's interrupt (a pause ends at once). */
    private static boolean stuck(Thread w1, Thread w2) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000L;
        w1.join(300);
        w2.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        return w1.isAlive() || w2.isAlive();
    }

    private Lock lock(ScenarioContext ctx, String name) {
        if (monitors) {
            Object m = ctx.newMonitor(name);
            return then -> {
                synchronized (m) {
                    then.run();
                }
            };
        }
        NamedLock l = ctx.newLock(name, false);
        return then -> {
            l.lockInterruptibly();
            try {
                then.run();
            } finally {
                l.unlock();
            }
        };
    }

    private Thread worker(ScenarioContext ctx, String name, Lock first, String firstName, Lock second,
            String secondName, CountDownLatch bothStarted, CountDownLatch bothHoldOne, AtomicInteger holding,
            AtomicInteger wanting, AtomicInteger freed) {
        Runnable body = () -> {
            try {
                bothStarted.await();
                ctx.step("take lock " + firstName);
                first.hold(() -> {
                    holding.incrementAndGet();
                    try {
                        ctx.print("holds " + firstName);
                        bothHoldOne.countDown();
                        bothHoldOne.await(); // each holds one before either reaches for the other
                        ctx.pause(pace);
                        ctx.step("take lock " + secondName);
                        ctx.print("holds " + firstName + ", wants " + secondName);
                        wanting.incrementAndGet();
                        try {
                            // Reached after a stop when the other worker, interrupted first, let go of its lock.
                            second.hold(() -> ctx.print("took " + secondName + " once the other let go"));
                        } finally {
                            wanting.decrementAndGet();
                        }
                    } finally {
                        holding.decrementAndGet();
                    }
                });
            } catch (InterruptedException e) {
                ctx.print("interrupted: lets go of " + firstName);
            } finally {
                freed.incrementAndGet(); // ended: by the interrupt, or with the lock the other gave up
            }
        };
        // A thread stuck on a monitor can never be stopped: as a daemon it at least lets the JVM exit.
        return monitors ? ctx.newDaemonThread(name, body) : ctx.newThread(name, body);
    }
}
