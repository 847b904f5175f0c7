package dev.threadlab.probe;

/**
 * Why a thread is in its state, as far as a depth-0 sample can tell. The state is the JVM's
 * {@link Thread.State}; the cause picks the colour (VisualVM's, which people know).
 */
public enum Cause {
    /** Not started yet. */
    NEW,
    /** Running Java code (or ready to). */
    RUNNING,
    /** RUNNABLE but inside native code: a socket or file read, most often. */
    NATIVE,
    /** Waiting to enter a {@code synchronized} block held by another thread. */
    MONITOR,
    /** In {@code Thread.sleep}. */
    SLEEPING,
    /** In {@code Object.wait} (also {@code Thread.join}). */
    WAITING,
    /** Parked by a {@code java.util.concurrent} lock, condition, queue or latch. */
    PARKED,
    /** Finished. */
    TERMINATED;

    /** Decides the cause from what a depth-0 {@code ThreadInfo} says. */
    public static Cause of(Thread.State state, boolean inNative, String lockClassName) {
        return switch (state) {
            case NEW -> NEW;
            case TERMINATED -> TERMINATED;
            case RUNNABLE -> inNative ? NATIVE : RUNNING;
            case BLOCKED -> MONITOR;
            case WAITING, TIMED_WAITING -> {
                if (lockClassName == null) {
                    // Thread.sleep holds no lock; LockSupport.park without a blocker neither.
                    yield state == Thread.State.TIMED_WAITING ? SLEEPING : PARKED;
                }
                yield isConcurrentLock(lockClassName) ? PARKED : WAITING;
            }
        };
    }

    static boolean isConcurrentLock(String className) {
        return className.startsWith("java.util.concurrent.") || className.contains("QueuedSynchronizer");
    }

    /**
     * One letter a state, so a timeline still reads without colour: n R B W S T and '.' for the
     * end. TIMED_WAITING reads S in sleep and T otherwise.
     */
    public static char letter(Thread.State state, Cause cause) {
        return switch (state) {
            case NEW -> 'n';
            case RUNNABLE -> 'R';
            case BLOCKED -> 'B';
            case WAITING -> 'W';
            case TIMED_WAITING -> cause == SLEEPING ? 'S' : 'T';
            case TERMINATED -> '.';
        };
    }
}
