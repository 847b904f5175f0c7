package dev.threadlab.watch;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;

/**
 * What an engine tells its sinks, in the order it happened, on the engine's thread. Every event of
 * one run carries that run's generation: a new generation means a new run and a fresh history.
 */
public sealed interface Event {

    long generation();

    /**
     * A run begins (a scenario starts, a link is made, a replay seeks).
     *
     * @param atMs     when, in milliseconds since the engine started
     * @param interval the time between samples now, in milliseconds
     */
    record Began(long generation, RunInfo run, long atMs, long interval) implements Event {
    }

    /** One sample of the run. */
    record Sampled(long generation, Snapshot snapshot) implements Event {
    }

    /** A stack someone opened. */
    record StackRead(long generation, StackSample stack) implements Event {
    }

    /** The link to the watched JVM dropped; the engine tries again, or ends, as it was told. */
    record LinkLost(long generation, String reason) implements Event {
    }

    /** The run ended: {@code last} is its final state (how it ended, its counters and results), for a summary. */
    record Ended(long generation, Snapshot last) implements Event {
    }

    /** Where a replay stands now (after each tick it plays, a seek, a change of speed). */
    record Played(long generation, Playback playback) implements Event {
    }

    /** The engine has stopped for good: the time limit ran out, a stop was asked for, or the link is gone. */
    record Over(long generation) implements Event {
    }
}
