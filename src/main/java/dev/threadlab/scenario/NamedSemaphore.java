package dev.threadlab.scenario;

import java.util.Collection;
import java.util.concurrent.Semaphore;

/**
 * A {@link Semaphore} with a name. Like {@link NamedLock}: the JVM reports a waiter's blocker as the
 * semaphore's hidden sync object, and the queue of waiters (protected in {@code Semaphore}) is how
 * the registry matches it back to this name.
 */
public final class NamedSemaphore extends Semaphore {
    private static final long serialVersionUID = 1L;

    private final String semaphoreName;

    public NamedSemaphore(String semaphoreName, int permits, boolean fair) {
        super(permits, fair);
        this.semaphoreName = semaphoreName;
    }

    public String semaphoreName() {
        return semaphoreName;
    }

    Collection<Thread> waiters() {
        return getQueuedThreads();
    }

    @Override
    public String toString() {
        return "Semaphore '" + semaphoreName + "'";
    }
}
