package dev.threadlab.scenario;

/**
 * One lesson, as code. {@link #run} is called on the scenario's own {@code main} thread; it creates
 * the lesson's threads through the context, so the sampler knows them from their NEW state on, and
 * returns when the lesson is over. It knows nothing of the screen.
 */
public interface Scenario {

    /**
     * Runs the lesson to its end. A stop request interrupts the calling thread and every thread the
     * context made: a scenario ends promptly and leaves none of its threads alive.
     */
    void run(ScenarioContext ctx) throws InterruptedException;
}
