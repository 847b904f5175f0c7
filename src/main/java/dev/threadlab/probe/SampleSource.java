package dev.threadlab.probe;

import java.util.List;
import java.util.Map;

/**
 * What a tick reads besides the JVM's thread table: the watched run's own threads (so NEW and
 * TERMINATED show, which {@code ThreadMXBean} never reports), its lock names, counters, pools and
 * output. A scenario run is one; a JVM with nothing of ours in it is {@link #jvmOnly()}. Each part
 * defaults to none: a source says only what it has.
 */
public interface SampleSource {

    RunState runState();

    /** Threads to report even when the JVM does not: NEW and TERMINATED. */
    default List<Thread> ownThreads() {
        return List.of();
    }

    default LockNames lockNames() {
        return LockNames.PLAIN;
    }

    default Map<String, Number> counters() {
        return Map.of();
    }

    default List<PoolSample> pools() {
        return List.of();
    }

    /** Output lines printed since the previous call. */
    default List<OutputLine> drainOutput() {
        return List.of();
    }

    /** Values for the summary the run has set so far (a list of results, a speedup): anything JSON can hold. */
    default Map<String, Object> results() {
        return Map.of();
    }

    /** A source for a JVM that runs nothing of ours: time counts from now. */
    static SampleSource jvmOnly() {
        long origin = System.nanoTime();
        return () -> new RunState("", RunState.Status.RUNNING, (System.nanoTime() - origin) / 1_000_000, false, null,
                null);
    }
}
