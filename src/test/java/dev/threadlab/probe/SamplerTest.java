package dev.threadlab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadlab.scenario.LockRegistry;
import dev.threadlab.scenario.NamedLockProbe;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sampler against threads put in known states: what it reports must be what they are doing. */
class SamplerTest {
    private final List<Thread> started = new CopyOnWriteArrayList<>();
    private final LockRegistry names = new LockRegistry();
    private Sampler sampler;
    private SampleSource source;

    @BeforeEach
    void setUp() {
        sampler = new Sampler(ManagementFactory.getThreadMXBean());
        source = new TestSource(started, names);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        for (Thread t : started) {
            t.interrupt();
        }
        for (Thread t : started) {
            t.join(5000);
            assertThat(t.isAlive()).as("thread %s left alive", t.getName()).isFalse();
        }
        sampler.close();
    }

    private Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        started.add(t);
        return t;
    }

    private Thread start(String name, Runnable body) {
        Thread t = thread(name, body);
        t.start();
        return t;
    }

    @SuppressWarnings("deprecation")
    private ThreadSample sampleOf(Thread t) {
        return sampler.tick(source).thread(t.getId()).orElseThrow(() -> new AssertionError(t.getName() + " not sampled"));
    }

    private ThreadSample awaitState(Thread t, Thread.State state) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> sampleOf(t), s -> s.state() == state);
    }

    @Test
    void aSpinningThreadIsRunnableAndUsesCpu() {
        Thread spinner = start("spinner", () -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
        });
        ThreadSample s = await().atMost(Duration.ofSeconds(10)).until(() -> sampleOf(spinner),
                x -> x.state() == Thread.State.RUNNABLE && x.cpuPercent() > 20);
        assertThat(s.cause()).isEqualTo(Cause.RUNNING);
        assertThat(s.letter()).isEqualTo('R');
        assertThat(s.scenario()).isTrue();
        assertThat(s.cpuNanos()).isPositive();
    }

    @Test
    void aThreadBlockedOnAMonitorNamesTheMonitorAndItsOwner() throws InterruptedException {
        Object monitor = new Object();
        names.byIdentity(monitor, "monitor 'M'");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = start("holder", () -> {
            synchronized (monitor) {
                held.countDown();
                awaitQuietly(release);
            }
        });
        held.await();
        Thread waiter = start("waiter", () -> {
            synchronized (monitor) {
                monitor.hashCode();
            }
        });
        ThreadSample s = awaitState(waiter, Thread.State.BLOCKED);
        assertThat(s.cause()).isEqualTo(Cause.MONITOR);
        assertThat(s.letter()).isEqualTo('B');
        assertThat(s.lock()).isEqualTo("monitor 'M'");
        assertThat(s.lockOwner()).isEqualTo("holder");
        assertThat(s.lockOwnerId()).isEqualTo(holder.getId());
        assertThat(s.blockedCount()).isGreaterThanOrEqualTo(1);
        if (sampler.contentionMonitoring()) {
            await().until(() -> sampleOf(waiter).blockedTimeMs() > 0);
        }
        release.countDown();
        waiter.join(5000);
    }

    @Test
    void blockedAndWaitedCountsAreReportedAsChangesSinceTheLastTick() throws InterruptedException {
        Object monitor = new Object();
        Thread waiter = start("waiter", () -> {
            try {
                for (int i = 0; i < 3; i++) {
                    synchronized (monitor) {
                        monitor.wait(1);
                    }
                }
                synchronized (monitor) {
                    monitor.wait();
                }
            } catch (InterruptedException e) {
                // done
            }
        });
        sampler.tick(source);
        ThreadSample s = await().until(() -> sampleOf(waiter), x -> x.state() == Thread.State.WAITING);
        ThreadSample again = sampleOf(waiter);
        assertThat(again.waitedCount()).isGreaterThanOrEqualTo(4);
        assertThat(again.waitedDelta()).as("no new waits since the previous tick").isZero();
        assertThat(s.waitedCount()).isEqualTo(again.waitedCount());
    }

    @Test
    void objectWaitIsWaitingAndSleepIsTimedWaitingAsleep() throws InterruptedException {
        Object monitor = new Object();
        names.byIdentity(monitor, "monitor 'mailbox'");
        Thread waiter = start("waiter", () -> {
            synchronized (monitor) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    // done
                }
            }
        });
        Thread sleeper = start("sleeper", () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // done
            }
        });
        ThreadSample w = awaitState(waiter, Thread.State.WAITING);
        assertThat(w.cause()).isEqualTo(Cause.WAITING);
        assertThat(w.lock()).isEqualTo("monitor 'mailbox'");
        assertThat(w.lockOwnerId()).isEqualTo(-1);
        ThreadSample z = awaitState(sleeper, Thread.State.TIMED_WAITING);
        assertThat(z.cause()).isEqualTo(Cause.SLEEPING);
        assertThat(z.letter()).isEqualTo('S');
        assertThat(z.lock()).isNull();
    }

    @Test
    void aThreadAwaitingANamedLatchNamesIt() throws InterruptedException {
        CountDownLatch release = NamedLockProbe.latch("release", 1, names);
        Thread waiter = start("waiter", () -> awaitQuietly(release));
        ThreadSample s = awaitState(waiter, Thread.State.WAITING);
        assertThat(s.cause()).isEqualTo(Cause.PARKED);
        assertThat(s.lock()).isEqualTo("CountDownLatch 'release'");
        release.countDown();
    }

    @Test
    void aThreadParkedOnAReentrantLockNamesTheLockAndItsOwner() throws InterruptedException {
        NamedLockProbe lock = NamedLockProbe.create("L", names);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = start("holder", () -> {
            lock.lock().lock();
            try {
                held.countDown();
                awaitQuietly(release);
            } finally {
                lock.lock().unlock();
            }
        });
        held.await();
        Thread waiter = start("waiter", () -> {
            try {
                lock.lock().lockInterruptibly();
                lock.lock().unlock();
            } catch (InterruptedException e) {
                // done
            }
        });
        ThreadSample s = awaitState(waiter, Thread.State.WAITING);
        assertThat(s.cause()).isEqualTo(Cause.PARKED);
        assertThat(s.lock()).isEqualTo("ReentrantLock 'L'");
        assertThat(s.lockOwner()).isEqualTo("holder");
        assertThat(s.lockOwnerId()).isEqualTo(holder.getId());
        release.countDown();
    }

    @Test
    void anUnregisteredLockShowsItsShortClassName() throws InterruptedException {
        ReentrantLock plain = new ReentrantLock();
        plain.lock();
        try {
            Thread waiter = start("waiter", () -> {
                try {
                    plain.lockInterruptibly();
                } catch (InterruptedException e) {
                    // done
                }
            });
            ThreadSample s = awaitState(waiter, Thread.State.WAITING);
            assertThat(s.lock()).startsWith("ReentrantLock@");
            assertThat(s.lockOwner()).isEqualTo(Thread.currentThread().getName());
        } finally {
            plain.unlock();
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void aRealDeadlockIsFoundAndItsCycleReadsFromLockOwners() {
        NamedLockProbe a = NamedLockProbe.create("A", names);
        NamedLockProbe b = NamedLockProbe.create("B", names);
        CountDownLatch bothHold = new CountDownLatch(2);
        Thread w1 = start("worker-1", () -> takeBoth(a.lock(), b.lock(), bothHold));
        Thread w2 = start("worker-2", () -> takeBoth(b.lock(), a.lock(), bothHold));
        Snapshot s = await().atMost(Duration.ofSeconds(10)).until(() -> sampler.tick(source),
                x -> x.deadlocked().contains(w1.getId()) && x.deadlocked().contains(w2.getId()));
        ThreadSample t1 = s.thread(w1.getId()).orElseThrow();
        ThreadSample t2 = s.thread(w2.getId()).orElseThrow();
        assertThat(t1.lock()).isEqualTo("ReentrantLock 'B'");
        assertThat(t1.lockOwner()).isEqualTo("worker-2");
        assertThat(t2.lock()).isEqualTo("ReentrantLock 'A'");
        assertThat(t2.lockOwner()).isEqualTo("worker-1");
        // lockInterruptibly: an interrupt breaks this deadlock (the @AfterEach checks they end).
    }

    private static void takeBoth(ReentrantLock first, ReentrantLock second, CountDownLatch bothHold) {
        try {
            first.lockInterruptibly();
            try {
                bothHold.countDown();
                bothHold.await();
                second.lockInterruptibly();
                second.unlock();
            } finally {
                first.unlock();
            }
        } catch (InterruptedException e) {
            // freed
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void ownThreadsShowAsNewBeforeStartAndTerminatedAfterTheEnd() throws InterruptedException {
        Thread t = thread("lifecycle", () -> { });
        ThreadSample before = sampleOf(t);
        assertThat(before.state()).isEqualTo(Thread.State.NEW);
        assertThat(before.letter()).isEqualTo('n');
        t.start();
        t.join();
        ThreadSample after = sampleOf(t);
        assertThat(after.state()).isEqualTo(Thread.State.TERMINATED);
        assertThat(after.letter()).isEqualTo('.');

        Thread foreign = new Thread(() -> { }, "not-ours");
        assertThat(sampler.tick(source).thread(foreign.getId())).isEmpty();
    }

    @Test
    void otherJvmThreadsAreReportedButNotMarkedAsTheScenarios() {
        Snapshot s = sampler.tick(source);
        assertThat(s.threads()).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo(Thread.currentThread().getName());
            assertThat(t.scenario()).isFalse();
        });
        assertThat(s.liveThreads()).isGreaterThan(1);
        assertThat(s.tickMicros()).isNotNegative();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A source that reports the test's threads as the scenario's. */
    private record TestSource(List<Thread> threads, LockRegistry names) implements SampleSource {
        @Override
        public List<Thread> ownThreads() {
            return new ArrayList<>(threads);
        }

        @Override
        public LockNames lockNames() {
            return names;
        }

        @Override
        public RunState runState() {
            return new RunState("test", RunState.Status.RUNNING, 0, false, null, null);
        }
    }
}
