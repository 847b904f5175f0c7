package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.Busy;
import dev.threadlab.scenario.NamedLock;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Threads add 1 to one shared counter, each increment spelled out as read, work, write. Without a
 * lock two threads read the same value and one write is lost; with one, the threads take turns.
 *
 * <p>The counter is {@code volatile} so the JIT must do every read and write (a plain field lets it
 * fold the whole loop into one add, and nothing is lost); the work sits between the read and the
 * write, where the real {@code counter++} has its add, so that the race window is wide enough to
 * watch; and a latch starts all threads together, since a thread started first may otherwise finish
 * before the next begins.
 */
public final class CounterRace implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("counter", List.of(
            ParamSpec.integer("threads", 2, 1, 4096, "threads adding to the counter"),
            ParamSpec.integer("increments", 1_000_000, 1, 1_000_000_000, "increments each thread makes"),
            ParamSpec.duration("work", Duration.ofNanos(5_000), Duration.ofMillis(10),
                    "CPU work between reading the counter and writing it back; 0 runs flat out"),
            ParamSpec.choice("lock", "none", List.of("none", "synchronized", "reentrant"),
                    "what guards read-work-write: nothing, a monitor, or a ReentrantLock")),
            CounterRace::new);

    private final int threads;
    private final long increments;
    private final long workNanos;
    private final String lockKind;
    private volatile long counter;

    CounterRace(Params p) {
        this.threads = p.integer("threads");
        this.increments = p.longValue("increments");
        this.workNanos = p.duration("work").toNanos();
        this.lockKind = p.choice("lock");
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        AtomicLongArray done = new AtomicLongArray(threads);
        ctx.counter("expected", () -> threads * increments);
        ctx.counter("done", () -> sum(done));
        ctx.counter("actual", () -> counter);
        // Read actual before done: every increment in actual is then already in done (give or take one).
        ctx.counter("lost", () -> {
            long actual = counter;
            return Math.max(0, sum(done) - actual);
        });

        Object monitor = lockKind.equals("synchronized") ? ctx.newMonitor("counter") : null;
        NamedLock lock = lockKind.equals("reentrant") ? ctx.newLock("counter", false) : null;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int slot = w;
            workers.add(ctx.newThread("counter-" + (w + 1), () -> work(go, slot, done, monitor, lock)));
        }
        workers.forEach(Thread::start);
        ctx.step("start the race");
        go.countDown();
        for (Thread t : workers) {
            t.join();
        }
        long expected = sum(done);
        ctx.print(String.format("expected %,d, got %,d: %,d updates lost", expected, counter, expected - counter));
    }

    private void work(CountDownLatch go, int slot, AtomicLongArray done, Object monitor, NamedLock lock) {
        try {
            go.await();
        } catch (InterruptedException e) {
            return;
        }
        Thread me = Thread.currentThread();
        for (long i = 0; i < increments && !me.isInterrupted(); i++) {
            if (monitor != null) {
                synchronized (monitor) {
                    increment();
                }
            } else if (lock != null) {
                lock.lock();
                try {
                    increment();
                } finally {
                    lock.unlock();
                }
            } else {
                increment();
            }
            done.lazySet(slot, i + 1);
        }
    }

    /** counter++, spelled out: read, work, write. */
    private void increment() {
        long seen = counter;
        Busy.spin(workNanos);
        counter = seen + 1;
    }

    private static long sum(AtomicLongArray a) {
        long s = 0;
        for (int i = 0; i < a.length(); i++) {
            s += a.get(i);
        }
        return s;
    }
}
