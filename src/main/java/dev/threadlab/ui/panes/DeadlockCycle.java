package dev.threadlab.ui.panes;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A deadlock told as its cycle: each deadlocked thread, the lock it holds (the one the thread before
 * it waits for) and the lock it wants. It needs no stacks: lock owners say who holds what.
 */
public record DeadlockCycle(List<Link> links) {

    /** One thread of the cycle: it holds {@code holds}, wants {@code wants}, which {@code next} holds. */
    public record Link(ThreadSample thread, String holds, String wants, String next) {
    }

    /** The cycles among the snapshot's deadlocked threads (usually one). */
    public static List<DeadlockCycle> of(Snapshot s) {
        List<DeadlockCycle> cycles = new ArrayList<>();
        Set<Long> left = new HashSet<>(s.deadlocked());
        for (long start : s.deadlocked()) {
            if (!left.contains(start)) {
                continue;
            }
            List<ThreadSample> chain = new ArrayList<>();
            ThreadSample t = s.thread(start).orElse(null);
            while (t != null && left.remove(t.id())) {
                chain.add(t);
                t = s.thread(t.lockOwnerId()).orElse(null);
            }
            if (chain.isEmpty()) {
                continue;
            }
            List<Link> links = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                ThreadSample me = chain.get(i);
                ThreadSample before = chain.get((i + chain.size() - 1) % chain.size());
                String holds = before.lockOwnerId() == me.id() ? shortLock(before.lock()) : "?";
                links.add(new Link(me, holds, shortLock(me.lock()), me.lockOwner() == null ? "?" : me.lockOwner()));
            }
            cycles.add(new DeadlockCycle(links));
        }
        return cycles;
    }

    /** {@code ReentrantLock 'A'} reads as {@code A}; a lock with no given name keeps its class and hash. */
    static String shortLock(String lock) {
        if (lock == null) {
            return "?";
        }
        int open = lock.indexOf('\'');
        int close = lock.lastIndexOf('\'');
        return open >= 0 && close > open ? lock.substring(open + 1, close) : lock;
    }
}
