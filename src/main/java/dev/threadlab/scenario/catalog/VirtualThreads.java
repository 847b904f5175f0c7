package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ten thousand tasks that each block for a while, given at the same moment to one virtual thread
 * each and to a pool of platform threads. The virtual threads all wait at once on a few carrier
 * threads and finish together; the pool gets through {@code platformThreads} at a time.
 *
 * <p>{@code ThreadMXBean} does not see virtual threads, so the scenario counts them itself; the
 * carriers ({@code ForkJoinPool-1-worker-N}) are platform threads and show in the samples. The JDK 21
 * API is reached by reflection, since this code is compiled for Java 17; on an older JVM the run
 * ends at once with a note saying so.
 */
public final class VirtualThreads implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("virtual-threads", List.of(
            ParamSpec.integer("virtualThreads", 10_000, 1, 1_000_000, "tasks, each on a virtual thread of its own"),
            ParamSpec.integer("platformThreads", 100, 1, 2000, "platform threads in the pool given the same tasks"),
            ParamSpec.duration("wait", Duration.ofSeconds(2), Duration.ofMinutes(1), "how long each task blocks (sleeps)"),
            ParamSpec.duration("pace", Duration.ofSeconds(1), Duration.ofMinutes(1),
                    "how long the pool goes on after the virtual threads are done, before it is stopped")),
            VirtualThreads::new);

    static final int MIN_FEATURE = 21;
    private static final String CARRIER_CLASS = "jdk.internal.misc.CarrierThread";

    private final int virtualThreads;
    private final int platformThreads;
    private final Duration wait;
    private final Duration pace;

    VirtualThreads(Params p) {
        this.virtualThreads = p.integer("virtualThreads");
        this.platformThreads = p.integer("platformThreads");
        this.wait = p.duration("wait");
        this.pace = p.duration("pace");
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        int feature = Runtime.version().feature();
        ctx.result("jdk", Runtime.version().toString());
        ExecutorService virtual = feature >= MIN_FEATURE ? virtualExecutor() : null;
        if (virtual == null) {
            String why = "virtual threads need JDK " + MIN_FEATURE + " or newer; this JVM is " + Runtime.version()
                    + ", so nothing was run (start ThreadLab with a newer java to see this lesson)";
            ctx.result("supported", false);
            ctx.note(why);
            ctx.print(why);
            return;
        }
        ctx.result("supported", true);
        ctx.managed(virtual); // a stop interrupts every virtual thread
        ThreadPoolExecutor platform = new ThreadPoolExecutor(platformThreads, platformThreads, 0,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), ctx.threadFactory("platform"));
        ctx.pool("platform", platform);

        Tally v = new Tally();
        Tally p = new Tally();
        AtomicInteger maxCarriers = new AtomicInteger();
        ctx.counter("virtualAlive", v.alive::get);
        ctx.counter("virtualDone", v.done::get);
        ctx.counter("platformDone", p.done::get);
        ctx.counter("carriers", () -> {
            int n = carriers();
            maxCarriers.accumulateAndGet(n, Math::max);
            return n;
        });

        CountDownLatch virtualEnded = ctx.newLatch("virtual threads done", virtualThreads);
        try {
            ctx.step("give " + virtualThreads + " tasks to virtual threads and to a pool of " + platformThreads);
            long start = System.nanoTime();
            for (int i = 0; i < virtualThreads; i++) {
                virtual.execute(task(v, virtualEnded));
                platform.execute(task(p, null));
            }
            ctx.print(String.format(Locale.ROOT, "%,d tasks handed to virtual threads and to %d platform threads",
                    virtualThreads, platformThreads));
            virtualEnded.await();
            long virtualNanos = System.nanoTime() - start;
            maxCarriers.accumulateAndGet(carriers(), Math::max);
            ctx.print(String.format(Locale.ROOT, "virtual threads: all %,d done in %,d ms; the pool: %,d so far",
                    v.done.get(), virtualNanos / 1_000_000, p.done.get()));
            ctx.pause(pace);
            long platformNanos = System.nanoTime() - start;
            int platformDone = p.done.get();
            long queued = platform.getQueue().size();
            platform.shutdownNow();

            ctx.result("virtual", report(virtualThreads, v.done.get(), virtualNanos, v.maxAlive.get(),
                    "carriers", maxCarriers.get()));
            Map<String, Object> pool = report(platformThreads, platformDone, platformNanos, p.maxAlive.get(),
                    "queuedWhenStopped", queued);
            double perSecond = platformDone / (platformNanos / 1e9);
            pool.put("projectedMsForAll", perSecond <= 0 ? -1 : Math.round(virtualThreads / perSecond * 1000));
            ctx.result("platform", pool);
            ctx.print(String.format(Locale.ROOT, "the pool did %,d of %,d in %,d ms; at that rate all would take %,d ms",
                    platformDone, virtualThreads, platformNanos / 1_000_000, (Long) pool.get("projectedMsForAll")));
        } finally {
            virtual.shutdownNow();
            platform.shutdownNow();
            Thread.interrupted(); // a stop may have interrupted us: still wait for the virtual threads to go
            if (!virtual.awaitTermination(5, TimeUnit.SECONDS)) {
                ctx.note(v.alive.get() + " virtual threads did not end within 5 s of the stop");
            }
        }
    }

    /** What each side counts: tasks blocked now, the most at once, and those finished. */
    private static final class Tally {
        final AtomicInteger alive = new AtomicInteger();
        final AtomicInteger maxAlive = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
    }

    private Runnable task(Tally t, CountDownLatch ended) {
        long millis = wait.toMillis();
        return () -> {
            t.maxAlive.accumulateAndGet(t.alive.incrementAndGet(), Math::max);
            try {
                Thread.sleep(millis); // a virtual thread unmounts here and frees its carrier
                t.done.incrementAndGet();
            } catch (InterruptedException e) {
                // stopped
            } finally {
                t.alive.decrementAndGet();
                if (ended != null) {
                    ended.countDown();
                }
            }
        };
    }

    private static Map<String, Object> report(int threads, int done, long nanos, int maxAlive, String extraKey,
            long extra) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("threads", threads);
        r.put("done", done);
        r.put("elapsedMs", nanos / 1_000_000);
        r.put("tasksPerSecond", Math.round(done / (nanos / 1e9)));
        r.put("maxBlockedAtOnce", maxAlive);
        r.put(extraKey, extra);
        return r;
    }

    /**
     * {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("virtual-", 1).factory())}, found at run
     * time; null where the JVM has no virtual threads.
     */
    static ExecutorService virtualExecutor() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, "virtual-", 1L);
            ThreadFactory factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory")
                    .invoke(builder);
            Method perTask = java.util.concurrent.Executors.class.getMethod("newThreadPerTaskExecutor",
                    ThreadFactory.class);
            return (ExecutorService) perTask.invoke(null, factory);
        } catch (NoSuchMethodException | ClassNotFoundException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot make virtual threads: " + e, e);
        }
    }

    /** Live carrier threads: platform threads, so a walk of the thread groups finds them (no stacks, no safepoint). */
    static int carriers() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 16];
        int n = root.enumerate(all, true);
        int carriers = 0;
        for (int i = 0; i < n; i++) {
            if (all[i].getClass().getName().equals(CARRIER_CLASS)) {
                carriers++;
            }
        }
        return carriers;
    }
}
