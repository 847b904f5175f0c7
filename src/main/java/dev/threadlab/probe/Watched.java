package dev.threadlab.probe;

import java.time.Duration;

/** A sample source with a life of its own: a scenario run, or another JVM we watch. It ends, or is stopped. */
public interface Watched extends SampleSource {

    boolean hasEnded();

    /** Waits up to {@code timeout} for the end; true if it came. */
    boolean awaitEnd(Duration timeout) throws InterruptedException;

    /** Ends it (stops the scenario, lets go of the JVM) and waits up to {@code timeout}; true once ended. */
    boolean stop(Duration timeout) throws InterruptedException;
}
