package dev.threadlab.scenario;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CountDownLatch} with a name. The JVM reports a waiter's blocker as the latch's hidden
 * sync object and the latch keeps its queue to itself, so it notes who is in {@code await} for the
 * registry to match that object back to this name.
 */
public final class NamedLatch extends CountDownLatch {
    private final String latchName;
    private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

    public NamedLatch(String latchName, int count) {
        super(count);
        this.latchName = latchName;
    }

    public String latchName() {
        return latchName;
    }

    @Override
    public void await() throws InterruptedException {
        Thread me = Thread.currentThread();
        waiting.add(me);
        try {
            super.await();
        } finally {
            waiting.remove(me);
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        Thread me = Thread.currentThread();
        waiting.add(me);
        try {
            return super.await(timeout, unit);
        } finally {
            waiting.remove(me);
        }
    }

    Collection<Thread> waiters() {
        return waiting;
    }

    @Override
    public String toString() {
        return "CountDownLatch '" + latchName + "'";
    }
}
