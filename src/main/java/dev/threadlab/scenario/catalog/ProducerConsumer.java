package dev.threadlab.scenario.catalog;

import dev.threadlab.probe.PoolSample;
import dev.threadlab.scenario.NamedLock;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;

/**
 * Producers and consumers share a bounded buffer made of one lock and two conditions, "not full"
 * and "not empty" (what {@code ArrayBlockingQueue} does inside). Producers work in bursts with a
 * rest between, faster than the consumers: during a burst the buffer fills and producers wait on
 * "not full"; during the rest it drains and consumers wait on "not empty".
 */
public final class ProducerConsumer implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("producer-consumer", List.of(
            ParamSpec.integer("capacity", 5, 1, 1_000_000, "how many items the buffer holds"),
            ParamSpec.integer("producers", 2, 1, 256, "threads putting items in"),
            ParamSpec.integer("consumers", 2, 1, 256, "threads taking items out"),
            ParamSpec.integer("items", 40, 1, 100_000_000, "items made in all, shared among the producers"),
            ParamSpec.duration("produceTime", Duration.ofMillis(50), Duration.ofMinutes(1),
                    "time a producer takes to make one item; 0 runs flat out"),
            ParamSpec.duration("consumeTime", Duration.ofMillis(400), Duration.ofMinutes(1),
                    "time a consumer takes to use one item; 0 runs flat out"),
            ParamSpec.integer("burst", 10, 1, 100_000_000, "items a producer makes before it rests"),
            ParamSpec.duration("rest", Duration.ofSeconds(3), Duration.ofMinutes(1),
                    "a producer's rest after each burst, while the consumers empty the buffer")),
            ProducerConsumer::new);

    private final int capacity;
    private final int producers;
    private final int consumers;
    private final int items;
    private final Duration produceTime;
    private final Duration consumeTime;
    private final int burst;
    private final Duration rest;

    ProducerConsumer(Params p) {
        this.capacity = p.integer("capacity");
        this.producers = p.integer("producers");
        this.consumers = p.integer("consumers");
        this.items = p.integer("items");
        this.produceTime = p.duration("produceTime");
        this.consumeTime = p.duration("consumeTime");
        this.burst = p.integer("burst");
        this.rest = p.duration("rest");
    }

    /** A bounded FIFO on one lock and two conditions; closed, it hands out what is left and then null. */
    static final class BoundedBuffer {
        private final NamedLock lock;
        private final Condition notFull;
        private final Condition notEmpty;
        private final ArrayDeque<Integer> queue = new ArrayDeque<>();
        private final int capacity;
        private int maxDepth;
        private boolean closed;

        BoundedBuffer(ScenarioContext ctx, int capacity) {
            this.capacity = capacity;
            lock = ctx.newLock("buffer", false);
            notFull = ctx.newCondition(lock, "not full");
            notEmpty = ctx.newCondition(lock, "not empty");
        }

        void put(int item) throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (queue.size() == capacity) {
                    notFull.await();
                }
                queue.addLast(item);
                maxDepth = Math.max(maxDepth, queue.size());
                notEmpty.signal();
            } finally {
                lock.unlock();
            }
        }

        /** The oldest item, waiting for one while the buffer is empty; null once it is closed and empty. */
        Integer take() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                while (queue.isEmpty() && !closed) {
                    notEmpty.await();
                }
                Integer item = queue.pollFirst();
                if (item != null) {
                    notFull.signal();
                }
                return item;
            } finally {
                lock.unlock();
            }
        }

        void close() {
            lock.lock();
            try {
                closed = true;
                notEmpty.signalAll();
            } finally {
                lock.unlock();
            }
        }

        int depth() {
            lock.lock();
            try {
                return queue.size();
            } finally {
                lock.unlock();
            }
        }

        int maxDepth() {
            lock.lock();
            try {
                return maxDepth;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        BoundedBuffer buffer = new BoundedBuffer(ctx, capacity);
        AtomicLong produced = new AtomicLong();
        AtomicLong consumed = new AtomicLong();
        AtomicLong sumUsed = new AtomicLong();
        ctx.counter("capacity", () -> capacity);
        ctx.counter("depth", buffer::depth);
        ctx.counter("maxDepth", buffer::maxDepth);
        ctx.counter("produced", produced::get);
        ctx.counter("consumed", consumed::get);
        ctx.gauge("buffer", () -> new PoolSample("buffer", -1, -1, -1, buffer.depth(), consumed.get(), capacity));
        boolean chatty = items <= 100;

        List<Thread> makers = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int first = p;
            makers.add(ctx.newThread("producer-" + (p + 1), () -> {
                try {
                    int made = 0;
                    for (int item = first; item < items; item += producers) {
                        ctx.pause(produceTime);
                        buffer.put(item);
                        produced.incrementAndGet();
                        if (chatty) {
                            ctx.print("put item " + item);
                        }
                        if (++made % burst == 0 && item + producers < items) {
                            ctx.pause(rest);
                        }
                    }
                } catch (InterruptedException e) {
                    // stopped
                }
            }));
        }
        List<Thread> users = new ArrayList<>();
        for (int c = 1; c <= consumers; c++) {
            users.add(ctx.newThread("consumer-" + c, () -> {
                try {
                    for (Integer item; (item = buffer.take()) != null; ) {
                        ctx.pause(consumeTime);
                        consumed.incrementAndGet();
                        sumUsed.addAndGet(item);
                        if (chatty) {
                            ctx.print("used item " + item);
                        }
                    }
                } catch (InterruptedException e) {
                    // stopped
                }
            }));
        }
        ctx.step("start producers and consumers");
        users.forEach(Thread::start);
        makers.forEach(Thread::start);
        for (Thread t : makers) {
            t.join();
        }
        buffer.close(); // the consumers take what is left, then stop
        for (Thread t : users) {
            t.join();
        }
        // Items are 0..items-1: each used exactly once, the count and the sum both come out right.
        long expectedSum = (long) items * (items - 1) / 2;
        ctx.result("allUsedOnce", consumed.get() == items && sumUsed.get() == expectedSum);
        ctx.print("made " + produced.get() + ", used " + consumed.get() + "; the buffer never held more than "
                + buffer.maxDepth() + " of " + capacity);
    }
}
