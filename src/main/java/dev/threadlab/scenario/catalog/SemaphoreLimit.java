package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.Busy;
import dev.threadlab.scenario.NamedSemaphore;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * More workers than permits: a semaphore lets {@code permits} of them in at a time, the rest wait
 * (WAITING, parked on the semaphore) in arrival order, since it is fair. The scenario counts how
 * many are inside at once; the most it ever saw must be the number of permits.
 */
public final class SemaphoreLimit implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("semaphore", List.of(
            ParamSpec.integer("workers", 6, 1, 1024, "threads that want in"),
            ParamSpec.integer("permits", 2, 1, 1024, "how many may be inside at once"),
            ParamSpec.integer("rounds", 2, 1, 1_000_000, "times each worker goes in"),
            ParamSpec.duration("holdTime", Duration.ofSeconds(1), Duration.ofMinutes(1),
                    "how long a worker stays inside (working); 0 runs flat out")),
            SemaphoreLimit::new);

    private final int workers;
    private final int permits;
    private final int rounds;
    private final Duration holdTime;

    SemaphoreLimit(Params p) {
        this.workers = p.integer("workers");
        this.permits = p.integer("permits");
        this.rounds = p.integer("rounds");
        this.holdTime = p.duration("holdTime");
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        NamedSemaphore gate = ctx.newSemaphore("permits", permits, true);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        AtomicInteger entries = new AtomicInteger();
        ctx.counter("permits", () -> permits);
        ctx.counter("inside", inside::get);
        ctx.counter("maxConcurrent", maxConcurrent::get);
        ctx.counter("waiting", gate::getQueueLength);
        ctx.counter("entries", entries::get);

        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int w = 1; w <= workers; w++) {
            all.add(ctx.newThread("worker-" + w, () -> {
                try {
                    go.await();
                    for (int r = 0; r < rounds; r++) {
                        gate.acquire();
                        int now = inside.incrementAndGet();
                        try {
                            maxConcurrent.accumulateAndGet(now, Math::max);
                            entries.incrementAndGet();
                            if ((long) rounds * workers <= 100) {
                                ctx.print("in (" + now + " inside)");
                            }
                            work(ctx);
                        } finally {
                            inside.decrementAndGet(); // before release: the count never exceeds the permits
                            gate.release();
                        }
                    }
                } catch (InterruptedException e) {
                    // stopped: leave quietly
                }
            }));
        }
        all.forEach(Thread::start);
        ctx.step("let the workers at the semaphore");
        go.countDown();
        for (Thread t : all) {
            t.join();
        }
        ctx.print("at most " + maxConcurrent.get() + " inside at once, with " + permits + " permits");
    }

    /** Inside: half the time working (RUNNABLE), half sleeping, so both show while others wait. */
    private void work(ScenarioContext ctx) throws InterruptedException {
        Busy.spin(holdTime.dividedBy(2));
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        ctx.pause(holdTime.dividedBy(2));
    }
}
