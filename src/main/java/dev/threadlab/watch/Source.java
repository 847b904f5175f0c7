package dev.threadlab.watch;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;
import java.time.Duration;
import java.util.Set;

/**
 * Where an engine's samples come from: a scenario run in this JVM, another JVM reached by pid or over
 * JMX, or a recording. Only the engine's thread calls it. A source never knows who listens.
 */
public interface Source extends AutoCloseable {

    /** What runs now; a new object when a new run or link begins; null while nothing runs yet (the picker). */
    RunInfo run();

    /**
     * One sample of what runs now.
     *
     * @throws LinkLost when the link to a watched JVM dropped
     */
    Snapshot sample();

    /** The stack of one thread, read only when someone opens it. */
    StackSample stack(long threadId, String threadName);

    /** Threads whose CPU time to read even when there are too many to read all (the rows on screen). */
    default void focusCpu(Set<Long> threadIds) {
    }

    /**
     * Carries out what a person asked of the scenario.
     *
     * @return null when done, else one line that says why it does nothing here
     */
    default String control(Control control) {
        return "watching another JVM: no scenario to run here";
    }

    /** Ends what runs (stops the scenario, lets go of the JVM) within {@code deadline}; the next sample says so. */
    void stop(Duration deadline);

    /** After a lost link: tries to reach the JVM again; true if it did (and {@link #run} is then a new run). */
    default boolean reconnect() {
        return false;
    }

    /** How long until the next sample, given the engine's interval (a recording plays at its own pace). */
    default Duration pace(Duration interval) {
        return interval;
    }

    /** True while a replay hands out the ticks before a seek's target: the engine takes them all at once. */
    default boolean behind() {
        return false;
    }

    /** Where a replay stands, or null for a live source. */
    default Playback playback() {
        return null;
    }

    /** Lets go of everything: the JVM's switches put back, links closed. */
    @Override
    void close();
}
