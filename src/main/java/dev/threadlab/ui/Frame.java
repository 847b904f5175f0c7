package dev.threadlab.ui;

import dev.threadlab.history.History;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import java.time.Duration;
import java.util.List;

/**
 * Everything one picture is drawn from: the latest snapshot and the history behind it, the view
 * state, and the session's settings. Built once per frame; panes only read it.
 *
 * @param rows    the threads the Threads and Timeline panes list, filtered and sorted
 * @param entry   the scenario on screen, or null before one is picked
 * @param nowNanos the frame's clock, for messages that fade
 */
public record Frame(Snapshot snapshot, History history, ViewState view, List<ThreadSample> rows,
        ScenarioEntry entry, ScenarioCatalog catalog, Duration interval, boolean paused, long nowNanos) {
}
