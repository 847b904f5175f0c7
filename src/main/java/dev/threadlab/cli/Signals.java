package dev.threadlab.cli;

import org.slf4j.LoggerFactory;

/**
 * Ctrl-C as a request rather than an end: with a handler, the run stops its scenario, writes what
 * it owes and exits 0; the JVM's default would exit 130 from under it.
 */
final class Signals {
    private Signals() {
    }

    /** Runs {@code action} on SIGINT, where the JVM allows it; otherwise SIGINT keeps its default. */
    static void onInterrupt(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LoggerFactory.getLogger(Signals.class).info("SIGINT cannot be handled here: {}", e.toString());
        }
    }
}
