package dev.threadlab.scenario;

import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ReentrantLock} with a name. The JVM reports a waiter's lock as the lock's hidden sync
 * object; the queue of waiters (protected in {@code ReentrantLock}) is how the registry matches
 * that object back to this lock.
 */
public final class NamedLock extends ReentrantLock {
    private static final long serialVersionUID = 1L;

    private final String lockName;

    public NamedLock(String lockName, boolean fair) {
        super(fair);
        this.lockName = lockName;
    }

    public String lockName() {
        return lockName;
    }

    Collection<Thread> waiters() {
        return getQueuedThreads();
    }

    /** The thread that holds it now, or null. */
    Thread owner() {
        return getOwner();
    }

    /** The class of the hidden sync object the JVM names when a thread waits for this lock. */
    String syncClass() {
        return ReentrantLock.class.getName() + (isFair() ? "$FairSync" : "$NonfairSync");
    }

    @Override
    public String toString() {
        return "ReentrantLock '" + lockName + "'";
    }
}
