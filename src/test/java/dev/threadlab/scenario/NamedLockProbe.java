package dev.threadlab.scenario;

/** Test access to a {@link NamedLock} registered the way a scenario context registers it. */
public record NamedLockProbe(NamedLock lock) {
    public static NamedLockProbe create(String name, LockRegistry registry) {
        NamedLock lock = new NamedLock(name, false);
        registry.byQueue(lock.toString(), lock::waiters);
        return new NamedLockProbe(lock);
    }
}
