package dev.threadlab.probe;

import java.lang.management.LockInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JVM's threads through its {@link ThreadMXBean} (this JVM's, or a proxy to another) and
 * returns immutable {@link Snapshot}s. One tick is a handful of batched calls, never one per
 * thread: all ids, their {@code ThreadInfo} at depth 0 (no stacks, no safepoint), CPU times in
 * one call, and the deadlock check. Stacks are read only for a thread someone opens.
 *
 * <p>Not thread-safe: one thread ticks. It remembers the previous tick to report changes
 * (CPU%, blocked and waited counts since then).
 */
public final class Sampler implements AutoCloseable {
    /** Above this many live threads, CPU time is read only for the run's own and the focused threads. */
    public static final int CPU_FOR_ALL_LIMIT = 512;

    private final ThreadMXBean mx;
    private final com.sun.management.ThreadMXBean batchCpu;
    private final boolean contentionWasOn;
    private final boolean cpuWasOn;
    private final boolean contention;
    private final boolean cpu;
    private Map<Long, Previous> previous = new HashMap<>();
    private long previousNanos;
    private volatile Set<Long> cpuFocus = Set.of();

    private record Previous(long blockedCount, long waitedCount, long cpuNanos) {
    }

    /**
     * Turns on contention monitoring and CPU time where the JVM supports them; {@link #close}
     * puts them back as they were, since both are JVM-wide switches.
     */
    public Sampler(ThreadMXBean mx) {
        this.mx = mx;
        this.batchCpu = mx instanceof com.sun.management.ThreadMXBean b ? b : null;
        this.contentionWasOn = mx.isThreadContentionMonitoringSupported() && mx.isThreadContentionMonitoringEnabled();
        this.cpuWasOn = mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        this.contention = enable(mx.isThreadContentionMonitoringSupported(), contentionWasOn,
                () -> mx.setThreadContentionMonitoringEnabled(true));
        this.cpu = enable(mx.isThreadCpuTimeSupported(), cpuWasOn, () -> mx.setThreadCpuTimeEnabled(true));
    }

    private static boolean enable(boolean supported, boolean alreadyOn, Runnable turnOn) {
        if (!supported) {
            return false;
        }
        if (!alreadyOn) {
            try {
                turnOn.run();
            } catch (UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return true;
    }

    /** Threads whose CPU time to read even when there are too many to read all (the rows on screen). */
    public void setCpuFocus(Set<Long> ids) {
        cpuFocus = Set.copyOf(ids);
    }

    public boolean contentionMonitoring() {
        return contention;
    }

    /** Takes one sample of the JVM and of {@code source}. */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+
    public Snapshot tick(SampleSource source) {
        long start = System.nanoTime();
        RunState run = source.runState();
        List<Thread> own = source.ownThreads();
        Map<Long, Thread> ownById = new HashMap<>(own.size() * 2);
        for (Thread t : own) {
            ownById.put(t.getId(), t);
        }

        long[] ids = mx.getAllThreadIds();
        ThreadInfo[] infos = mx.getThreadInfo(ids, 0);
        long[] cpuNanos = readCpu(ids, ownById.keySet());
        long[] dead = mx.findDeadlockedThreads();
        long now = System.nanoTime();
        double elapsedNanos = previousNanos == 0 ? 0 : now - previousNanos;

        LockNames names = source.lockNames();
        Map<Long, Previous> seen = new HashMap<>(ids.length * 2);
        Map<Long, ThreadSample> ownSamples = new HashMap<>(own.size() * 2);
        List<ThreadSample> others = new ArrayList<>(ids.length);
        for (int i = 0; i < infos.length; i++) {
            ThreadInfo info = infos[i];
            if (info == null) {
                continue; // ended between the two calls
            }
            boolean mine = ownById.containsKey(info.getThreadId());
            ThreadSample s = fromInfo(info, mine, cpuNanos == null ? -1 : cpuNanos[i], elapsedNanos, names, seen);
            if (mine) {
                ownSamples.put(s.id(), s);
            } else {
                others.add(s);
            }
        }
        // The JVM reports only live threads: NEW and TERMINATED come from the Thread objects.
        List<ThreadSample> ordered = new ArrayList<>(own.size() + others.size());
        for (Thread t : own) {
            ThreadSample live = ownSamples.get(t.getId());
            ordered.add(live != null ? live : fromThread(t));
        }
        ordered.addAll(others);

        previous = seen;
        previousNanos = now;
        List<Long> deadlocked = new ArrayList<>();
        if (dead != null) {
            for (long d : dead) {
                deadlocked.add(d);
            }
        }
        Map<String, Number> counters = source.counters();
        List<PoolSample> pools = source.pools();
        List<OutputLine> output = source.drainOutput();
        long tickMicros = (System.nanoTime() - start) / 1000;
        return new Snapshot(run.elapsedMs(), ordered, deadlocked, counters, source.results(), pools, output, run,
                tickMicros,
                ids.length);
    }

    /** CPU times in one batched call: all threads while they are few, else the run's and the focused ones. */
    private long[] readCpu(long[] ids, Set<Long> ownIds) {
        if (!cpu) {
            return null;
        }
        if (ids.length <= CPU_FOR_ALL_LIMIT) {
            return cpuTimes(ids);
        }
        Set<Long> focus = cpuFocus;
        long[] wanted = new long[ids.length];
        int[] at = new int[ids.length];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ownIds.contains(ids[i]) || focus.contains(ids[i])) {
                wanted[n] = ids[i];
                at[n++] = i;
            }
        }
        long[] some = cpuTimes(java.util.Arrays.copyOf(wanted, n));
        long[] all = new long[ids.length];
        java.util.Arrays.fill(all, -1);
        for (int k = 0; k < n; k++) {
            all[at[k]] = some[k];
        }
        return all;
    }

    private long[] cpuTimes(long[] ids) {
        if (batchCpu != null) {
            return batchCpu.getThreadCpuTime(ids);
        }
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = mx.getThreadCpuTime(ids[i]);
        }
        return out;
    }

    private ThreadSample fromInfo(ThreadInfo info, boolean mine, long cpuNow, double elapsedNanos,
            LockNames names, Map<Long, Previous> seen) {
        long id = info.getThreadId();
        Previous before = previous.get(id);
        long blocked = info.getBlockedCount();
        long waited = info.getWaitedCount();
        // A thread born since the last tick: its counts and CPU so far all happened in this interval.
        long cpuBefore = before == null ? 0 : before.cpuNanos();
        long blockedDelta = blocked - (before == null ? 0 : before.blockedCount());
        long waitedDelta = waited - (before == null ? 0 : before.waitedCount());
        double cpuPercent = -1;
        if (cpuNow >= 0 && cpuBefore >= 0 && elapsedNanos > 0) {
            cpuPercent = Math.min(100.0, Math.max(0.0, (cpuNow - cpuBefore) * 100.0 / elapsedNanos));
        }
        seen.put(id, new Previous(blocked, waited, cpuNow));

        LockInfo lockInfo = info.getLockInfo();
        String jvmLock = info.getLockName();
        String lock = jvmLock == null ? null : names.describe(jvmLock, id);
        Thread.State state = info.getThreadState();
        Cause cause = Cause.of(state, info.isInNative(), lockInfo == null ? null : lockInfo.getClassName());
        return new ThreadSample(id, info.getThreadName(), state, cause, info.isDaemon(), mine, lock,
                info.getLockOwnerId(), info.getLockOwnerName(), blocked, contention ? info.getBlockedTime() : -1,
                waited, contention ? info.getWaitedTime() : -1, blockedDelta, waitedDelta, cpuNow, cpuPercent);
    }

    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+
    private static ThreadSample fromThread(Thread t) {
        // Read once: the thread may start or end while we look.
        // A thread that started or ended between the JVM's list and now: its cause follows its state.
        Thread.State state = t.getState();
        Cause cause = Cause.of(state, false, null);
        return new ThreadSample(t.getId(), t.getName(), state, cause, t.isDaemon(), true, null, -1, null, 0, -1, 0,
                -1, 0, 0, -1, -1);
    }

    /**
     * The stack of one thread, read only when someone asks for it (it stops the JVM at a safepoint).
     * Held {@code java.util.concurrent} locks only when asked: to find them a JVM scans its whole heap,
     * which a large server we merely watch should not pay for.
     */
    public ThreadInfo stackOf(long threadId, boolean withSynchronizers) {
        ThreadInfo[] infos = mx.getThreadInfo(new long[] {threadId}, true, withSynchronizers);
        return infos.length == 0 ? null : infos[0];
    }

    /** The JVM-wide switches this sampler turned on (and will turn off again on close), for telling the user. */
    public java.util.List<String> switchedOn() {
        java.util.List<String> out = new ArrayList<>();
        if (contention && !contentionWasOn) {
            out.add("thread contention monitoring");
        }
        if (cpu && !cpuWasOn) {
            out.add("thread CPU time");
        }
        return out;
    }

    /** Puts the JVM-wide switches back as they were before this sampler. */
    @Override
    public void close() {
        try {
            if (contention && !contentionWasOn) {
                mx.setThreadContentionMonitoringEnabled(false);
            }
            if (cpu && !cpuWasOn) {
                mx.setThreadCpuTimeEnabled(false);
            }
        } catch (RuntimeException e) {
            // The JVM may be gone; there is nothing left to restore.
        }
    }
}
