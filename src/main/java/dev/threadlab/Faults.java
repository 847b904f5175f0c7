package dev.threadlab;

/**
 * Faults the end-to-end tests inject, to prove that every way out leaves the terminal clean: chosen by
 * the system property {@code threadlab.inject} on the java command line (never by a config file or an
 * option): {@code render} (the dashboard's loop throws after its first frame), {@code scenario-throw}
 * (a scenario thread throws), {@code scenario-oom} (a scenario thread runs out of heap).
 */
public final class Faults {
    private static final String WHICH = System.getProperty("threadlab.inject", "");

    private Faults() {
    }

    public static boolean injected(String fault) {
        return WHICH.equals(fault);
    }

    /** The scenario-thread faults, run by a thread of each scenario when one is injected. */
    public static void inScenarioThread() {
        if (injected("scenario-throw")) {
            throw new IllegalStateException("injected by threadlab.inject=scenario-throw");
        }
        if (injected("scenario-oom")) {
            java.util.List<long[]> hog = new java.util.ArrayList<>();
            while (true) {
                hog.add(new long[1 << 20]);
            }
        }
    }

    public static boolean anyInScenario() {
        return injected("scenario-throw") || injected("scenario-oom");
    }
}
