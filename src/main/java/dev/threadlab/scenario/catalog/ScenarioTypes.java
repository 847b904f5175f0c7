package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.ScenarioType;
import java.util.List;
import java.util.Optional;

/** Every kind of scenario a catalogue entry can name in its {@code type:}. One line a scenario. */
public final class ScenarioTypes {
    public static final List<ScenarioType> ALL = List.of(
            HelloThread.TYPE,
            Interleaving.TYPE,
            CounterRace.TYPE,
            ThreadPoolSquares.TYPE,
            Deadlock.TYPE,
            SemaphoreLimit.TYPE,
            EventRelease.TYPE,
            ProducerConsumer.TYPE,
            InconsistentData.TYPE,
            DaemonThreads.TYPE,
            CpuBound.TYPE,
            IoBound.TYPE,
            ThreadsVsProcesses.TYPE,
            VirtualThreads.TYPE);

    private ScenarioTypes() {
    }

    public static Optional<ScenarioType> find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(ScenarioType::name).toList();
    }
}
