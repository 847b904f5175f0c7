package dev.threadlab.scenario;

import dev.threadlab.probe.LockNames;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The names a scenario gave its locks, monitors, conditions and threads. Objects a waiter blocks on
 * directly (monitors, conditions, a joined thread) are found by the JVM's identity name; locks the
 * JVM names by a hidden sync object are found by asking each named lock whether the waiter is in
 * its queue, once, then remembered.
 */
public final class LockRegistry implements LockNames {
    private final Map<String, String> byJvmName = new ConcurrentHashMap<>();
    private final List<Queued> queued = new CopyOnWriteArrayList<>();

    private final List<Owned> owned = new CopyOnWriteArrayList<>();

    private record Queued(String display, Supplier<Collection<Thread>> waiters) {
    }

    private record Owned(String display, String syncClass, Supplier<Thread> owner) {
    }

    /** The name {@code ThreadInfo.getLockName()} gives an object a thread waits on directly. */
    static String jvmName(Object o) {
        return o.getClass().getName() + '@' + Integer.toHexString(System.identityHashCode(o));
    }

    public void byIdentity(Object lock, String display) {
        byJvmName.put(jvmName(lock), display);
    }

    public void byQueue(String display, Supplier<Collection<Thread>> waiters) {
        queued.add(new Queued(display, waiters));
    }

    /**
     * A lock that may be handed to its waiter between the sample and the lookup (a GIL passed on
     * every few ms): when no queue holds the waiter, the one lock of that sync class it now owns is
     * the one it waited for. Two such locks owned at once are ambiguous, and left unnamed.
     */
    public void byOwner(String display, String syncClass, Supplier<Thread> owner) {
        owned.add(new Owned(display, syncClass, owner));
    }

    @Override
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+
    public String describe(String jvmLockName, long waiterId) {
        String known = byJvmName.get(jvmLockName);
        if (known != null) {
            return known;
        }
        for (Queued q : queued) {
            for (Thread t : q.waiters().get()) {
                if (t.getId() == waiterId) {
                    byJvmName.put(jvmLockName, q.display());
                    return q.display();
                }
            }
        }
        String ownedNow = null;
        for (Owned o : owned) {
            Thread t = o.owner().get();
            if (t != null && t.getId() == waiterId && jvmLockName.startsWith(o.syncClass() + '@')) {
                if (ownedNow != null) {
                    return LockNames.shortName(jvmLockName);
                }
                ownedNow = o.display();
            }
        }
        if (ownedNow != null) {
            byJvmName.put(jvmLockName, ownedNow);
            return ownedNow;
        }
        return LockNames.shortName(jvmLockName);
    }
}
