package dev.threadlab.watch;

/**
 * A consumer of an engine's events: the dashboard, the JSON lines writer, a recorder. Called on the
 * engine's thread, in order: a sink that has slow work to do hands it to a thread of its own.
 */
@FunctionalInterface
public interface Sink {
    void on(Event event);
}
