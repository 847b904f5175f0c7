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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;

/**
 * Waiters block on a one-shot event; after a delay {@code main} sets it and every waiter wakes at
 * once. The event is built the way Python builds {@code threading.Event}: a flag, a lock and a
 * condition, with {@code signalAll} on set.
 */
public final class EventRelease implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("event", List.of(
            ParamSpec.integer("waiters", 5, 1, 1024, "threads waiting for the event"),
            ParamSpec.duration("delay", Duration.ofSeconds(2), Duration.ofMinutes(1),
                    "how long main waits before it sets the event"),
            ParamSpec.duration("work", Duration.ofMillis(300), Duration.ofMinutes(1),
                    "CPU work each waiter does once woken, so the wake-up shows as RUNNABLE")),
            EventRelease::new);

    private final int waiters;
    private final Duration delay;
    private final Duration work;

    EventRelease(Params p) {
        this.waiters = p.integer("waiters");
        this.delay = p.duration("delay");
        this.work = p.duration("work");
    }

    /** A flag that starts clear and, once set, lets every waiter through, now and later. */
    static final class OneShotEvent {
        private final NamedLock lock;
        private final Condition isSet;
        private boolean set;
        private int waiting;

        OneShotEvent(ScenarioContext ctx, String name) {
            lock = ctx.newLock(name, false);
            isSet = ctx.newCondition(lock, "set");
        }

        void await() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                waiting++;
                try {
                    while (!set) {
                        isSet.await();
                    }
                } finally {
                    waiting--;
                }
            } finally {
                lock.unlock();
            }
        }

        void set() {
            lock.lock();
            try {
                set = true;
                isSet.signalAll();
            } finally {
                lock.unlock();
            }
        }

        int waiting() {
            lock.lock();
            try {
                return waiting;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        OneShotEvent event = new OneShotEvent(ctx, "event");
        AtomicInteger released = new AtomicInteger();
        AtomicLong setAt = new AtomicLong();
        AtomicLong lastWake = new AtomicLong();
        ctx.counter("waiters", () -> waiters);
        ctx.counter("waiting", event::waiting);
        ctx.counter("released", released::get);

        List<Thread> all = new ArrayList<>();
        for (int w = 1; w <= waiters; w++) {
            all.add(ctx.newThread("waiter-" + w, () -> {
                try {
                    event.await();
                } catch (InterruptedException e) {
                    return; // stopped before the event
                }
                lastWake.accumulateAndGet(System.nanoTime(), Math::max);
                released.incrementAndGet();
                if (waiters <= 20) {
                    ctx.print("woken");
                }
                Busy.spin(work);
            }));
        }
        all.forEach(Thread::start);
        ctx.print(waiters + " waiters wait for the event; main sets it in " + delay.toMillis() + " ms");
        ctx.pause(delay);
        ctx.step("set the event");
        setAt.set(System.nanoTime());
        event.set();
        ctx.print("event set");
        for (Thread t : all) {
            t.join();
        }
        long spreadMicros = Math.max(0, (lastWake.get() - setAt.get()) / 1_000);
        ctx.result("wokeWithinMs", spreadMicros / 1000.0);
        ctx.print("all " + released.get() + " woke within " + spreadMicros / 1000.0 + " ms of set()");
    }
}
