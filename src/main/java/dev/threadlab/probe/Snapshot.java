package dev.threadlab.probe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one tick saw, immutable: the threads, the deadlocked ids, the watched run's counters,
 * results, pools and output since the previous tick. Panes and the JSON writer read only this.
 *
 * @param tMs          milliseconds since the run began
 * @param tickMicros   what the tick itself cost, in microseconds
 * @param liveThreads  the JVM's live thread count (may exceed {@code threads} when filtered)
 */
public record Snapshot(
        long tMs,
        List<ThreadSample> threads,
        List<Long> deadlocked,
        Map<String, Number> counters,
        Map<String, Object> results,
        List<PoolSample> pools,
        List<OutputLine> output,
        RunState run,
        long tickMicros,
        int liveThreads) {

    public Snapshot {
        threads = List.copyOf(threads);
        deadlocked = List.copyOf(deadlocked);
        counters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
        results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
        pools = List.copyOf(pools);
        output = List.copyOf(output);
    }

    /** The same sample, with the run's state as given (how it ended, and why). */
    public Snapshot withRun(RunState state) {
        return new Snapshot(tMs, threads, deadlocked, counters, results, pools, output, state, tickMicros, liveThreads);
    }

    /** The same sample without the output it collected (for a state shown again, whose lines were already told). */
    public Snapshot withoutOutput() {
        return output.isEmpty() ? this
                : new Snapshot(tMs, threads, deadlocked, counters, results, pools, List.of(), run, tickMicros,
                        liveThreads);
    }

    public Optional<ThreadSample> thread(long id) {
        for (ThreadSample t : threads) {
            if (t.id() == id) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public List<ThreadSample> scenarioThreads() {
        return threads.stream().filter(ThreadSample::scenario).toList();
    }
}
