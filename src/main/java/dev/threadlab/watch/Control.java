package dev.threadlab.watch;

import dev.threadlab.scenario.ScenarioEntry;
import java.util.Map;

/** What a person (or an autopilot) asks of the scenario being run: carried out on the engine's thread. */
public sealed interface Control {

    /** Stops what runs (if anything) and starts {@code entry}. */
    record Start(ScenarioEntry entry) implements Control {
    }

    /** The entry again, with some parameters changed. */
    record RestartWith(Map<String, Object> values) implements Control {
    }

    /** s: stops a running scenario; starts an ended one again. */
    record StartOrStop() implements Control {
    }

    /** Starts the scenario again if it has ended; nothing while it runs. */
    record StartIfEnded() implements Control {
    }

    record Stop() implements Control {
    }

    record Restart() implements Control {
    }

    /** Step mode: the first step holds each thread at its next gate, each one after opens one. */
    record Step() implements Control {
    }

    /** Leaves step mode: everything runs freely. */
    record Continue() implements Control {
    }
}
