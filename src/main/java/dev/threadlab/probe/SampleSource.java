package dev.threadlab.probe;

import java.util.List;
import java.util.Map;

/**
 * What a tick reads besides the JVM's thread table: the watched run's own threads (so NEW and
 * TERMINATED show, which {@code ThreadMXBean} never reports), its lock names, counters, pools and
 * output. A scenario run is one; a JVM with nothing of ours in it is {@link #jvmOnly()}.
 */
public interface SampleSource {

    /** Threads to report even when the JVM does not: NEW and TERMINATED. */
    List<Thread> ownThreads();

    LockNames lockNames();

    Map<String, Number> counters();

    List<PoolSample> pools();

    /** Output lines printed since the previous call. */
    List<OutputLine> drainOutput();

    RunState runState();

    /** Values for the summary the run has set so far (a list of results, a speedup): anything JSON can hold. */
    default Map<String, Object> results() {
        return Map.of();
    }

    /** A source for a JVM that runs nothing of ours: no own threads, no counters; time counts from now. */
    static SampleSource jvmOnly() {
        long origin = System.nanoTime();
        return new SampleSource() {
            @Override
            public List<Thread> ownThreads() {
                return List.of();
            }

            @Override
            public LockNames lockNames() {
                return LockNames.PLAIN;
            }

            @Override
            public Map<String, Number> counters() {
                return Map.of();
            }

            @Override
            public List<PoolSample> pools() {
                return List.of();
            }

            @Override
            public List<OutputLine> drainOutput() {
                return List.of();
            }

            @Override
            public RunState runState() {
                long ms = (System.nanoTime() - origin) / 1_000_000;
                return new RunState("", RunState.Status.RUNNING, ms, false, null, null);
            }
        };
    }
}
