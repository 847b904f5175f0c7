package dev.threadlab.target;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A JVM for ThreadLab to watch from outside: threads in known states, named for what they do, and
 * two deadlocks (one on monitors, one on ReentrantLocks). Prints "ready" once every thread is where it
 * should be, then lives until killed.
 */
public final class StatesTarget {
    private StatesTarget() {
    }

    public static void main(String[] args) throws InterruptedException {
        Object monitor = new Object();
        Object mailbox = new Object();
        Object syncA = new Object();
        Object syncB = new Object();
        ReentrantLock lockA = new ReentrantLock();
        ReentrantLock lockB = new ReentrantLock();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch syncBoth = new CountDownLatch(2);
        CountDownLatch lockBoth = new CountDownLatch(2);

        Thread spinner = daemon("spinner", () -> {
            long x = 0;
            while (true) {
                x += System.nanoTime() & 1;
                if (x == Long.MIN_VALUE) {
                    System.out.println(x);
                }
            }
        });
        Thread sleeper = daemon("sleeper", () -> sleep(3_600_000));
        Thread waiter = daemon("waiter", () -> {
            synchronized (mailbox) {
                try {
                    mailbox.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Thread holder = daemon("monitor-holder", () -> {
            synchronized (monitor) {
                holding.countDown();
                sleep(3_600_000);
            }
        });
        holding.await();
        Thread blocked = daemon("monitor-blocked", () -> {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        });
        Thread sync1 = daemon("sync-deadlock-1", () -> both(syncA, syncB, syncBoth));
        Thread sync2 = daemon("sync-deadlock-2", () -> both(syncB, syncA, syncBoth));
        Thread lock1 = daemon("lock-deadlock-1", () -> both(lockA, lockB, lockBoth));
        Thread lock2 = daemon("lock-deadlock-2", () -> both(lockB, lockA, lockBoth));

        List<Thread> all = List.of(spinner, sleeper, waiter, holder, blocked, sync1, sync2, lock1, lock2);
        while (!(spinner.getState() == Thread.State.RUNNABLE && sleeper.getState() == Thread.State.TIMED_WAITING
                && waiter.getState() == Thread.State.WAITING && blocked.getState() == Thread.State.BLOCKED
                && sync1.getState() == Thread.State.BLOCKED && sync2.getState() == Thread.State.BLOCKED
                && lock1.getState() == Thread.State.WAITING && lock2.getState() == Thread.State.WAITING)) {
            Thread.sleep(20); // polling threads of our own, in a program with no test framework
        }
        System.out.println("ready " + all.size());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void both(Object first, Object second, CountDownLatch bothHold) {
        synchronized (first) {
            bothHold.countDown();
            awaitQuietly(bothHold);
            synchronized (second) {
                second.notifyAll();
            }
        }
    }

    private static void both(ReentrantLock first, ReentrantLock second, CountDownLatch bothHold) {
        first.lock();
        try {
            bothHold.countDown();
            awaitQuietly(bothHold);
            second.lock();
            second.unlock();
        } finally {
            first.unlock();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
