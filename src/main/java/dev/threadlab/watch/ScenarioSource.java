package dev.threadlab.watch;

import dev.threadlab.probe.SampleSource;
import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;
import dev.threadlab.probe.jvm.ScenarioBeans;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.scenario.ScenarioRun;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenarios run in this JVM, one at a time: starts, stops, restarts and steps them as asked, and samples
 * this JVM with the run's own threads, counters and pools. The run is published as an MBean too
 * ({@code dev.threadlab:type=Scenario}), so a ThreadLab attached from another process shows its counters.
 */
public final class ScenarioSource implements Source {
    private static final Logger log = LoggerFactory.getLogger(ScenarioSource.class);

    private final Sampler sampler;
    private final ScenarioBeans beans;
    private volatile ScenarioRun run;
    private volatile RunInfo info;
    private ScenarioEntry entry;

    /**
     * Nothing runs until a {@link Control.Start} asks for a scenario.
     *
     * @param beanName the name its MBean is published under
     */
    public ScenarioSource(String beanName) {
        this.sampler = new Sampler(ManagementFactory.getThreadMXBean());
        this.beans = ScenarioBeans.publish(beanName, this::published);
    }

    private SampleSource published() {
        ScenarioRun r = run;
        return r != null ? r : SampleSource.jvmOnly();
    }

    /** The run on now, or null before the first (for tests and the headless summary). */
    public ScenarioRun current() {
        return run;
    }

    @Override
    public RunInfo run() {
        return info;
    }

    @Override
    public Snapshot sample() {
        return sampler.tick(run);
    }

    @Override
    public StackSample stack(long threadId, String threadName) {
        ScenarioRun r = run;
        long tMs = r == null ? 0 : r.runState().elapsedMs();
        return StackSample.of(threadId, threadName, tMs, sampler.stackOf(threadId, true));
    }

    @Override
    public void focusCpu(Set<Long> threadIds) {
        sampler.setCpuFocus(threadIds);
    }

    @Override
    public String control(Control c) {
        ScenarioRun r = run;
        boolean ended = r == null || r.hasEnded();
        if (entry == null && !(c instanceof Control.Start)) {
            return "no scenario yet: p picks one";
        }
        if (c instanceof Control.Start s) {
            begin(s.entry(), false);
        } else if (c instanceof Control.RestartWith w) {
            begin(entry.withParams(entry.params().with(w.values())), false);
        } else if (c instanceof Control.StartOrStop) {
            if (ended) {
                restart();
            } else {
                stopRun();
            }
        } else if (c instanceof Control.StartIfEnded) {
            if (ended) {
                restart();
            }
        } else if (c instanceof Control.Stop) {
            stopRun();
        } else if (c instanceof Control.Restart) {
            restart();
        } else if (c instanceof Control.Step) {
            if (ended) {
                begin(entry, true); // an ended run starts again, held at its very first gate
            } else if (!r.runState().stepMode()) {
                r.setStepMode(true);
            } else {
                r.step();
            }
        } else if (c instanceof Control.Continue) {
            r.setStepMode(false);
        }
        return null;
    }

    private void restart() {
        begin(entry, false);
    }

    private void begin(ScenarioEntry next, boolean stepMode) {
        stopRun();
        entry = next;
        run = ScenarioRun.start(next, stepMode);
        info = RunInfo.scenario(next);
    }

    private void stopRun() {
        ScenarioRun r = run;
        if (r == null || r.hasEnded()) {
            return;
        }
        try {
            if (!r.stop(Engine.STOP_DEADLINE)) {
                log.warn("scenario {} did not stop within {}", r.entry().id(), Engine.STOP_DEADLINE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop(Duration deadline) {
        stopRun();
    }

    @Override
    public void close() {
        stopRun();
        beans.close();
        sampler.close();
    }
}
