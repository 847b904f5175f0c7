package dev.threadlab.probe;

/**
 * One thread at one tick. Counts are totals since the thread began; the {@code *Delta} fields are
 * the change since the previous tick, so states shorter than a tick still show. A value the JVM
 * could not give is -1 (times with contention monitoring off, CPU time when not read this tick).
 *
 * @param lock         the lock or monitor it waits for, as a person would name it, or null
 * @param lockOwnerId  the id of the thread holding that lock, or -1
 * @param lockOwner    that thread's name, or null
 * @param cpuPercent   share of one core used since the previous tick, or -1
 */
public record ThreadSample(
        long id,
        String name,
        Thread.State state,
        Cause cause,
        boolean daemon,
        boolean scenario,
        String lock,
        long lockOwnerId,
        String lockOwner,
        long blockedCount,
        long blockedTimeMs,
        long waitedCount,
        long waitedTimeMs,
        long blockedDelta,
        long waitedDelta,
        long cpuNanos,
        double cpuPercent) {

    /** The timeline letter: n R B W S T . */
    public char letter() {
        return Cause.letter(state, cause);
    }

    public boolean alive() {
        return state != Thread.State.NEW && state != Thread.State.TERMINATED;
    }
}
