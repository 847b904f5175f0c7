package dev.threadlab.scenario;

/** Test access to a {@link NamedLock} registered the way a scenario context registers it. */
public record NamedLockProbe(NamedLock lock) {
    public static NamedLockProbe create(String name, LockRegistry registry) {
        NamedLock lock = new NamedLock(name, false);
        registry.byQueue(lock.toString(), lock::waiters);
        return new NamedLockProbe(lock);
    }

    /** A {@link NamedLatch} registered the way a scenario context registers it. */
    public static NamedLatch latch(String name, int count, LockRegistry registry) {
        NamedLatch latch = new NamedLatch(name, count);
        registry.byQueue(latch.toString(), latch::waiters);
        return latch;
    }
}
