package dev.threadlab.ui;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The threads the lists show: the scenario's (or all the JVM's), filtered by name, sorted as asked. */
final class ThreadRows {
    private ThreadRows() {
    }

    static List<ThreadSample> of(Snapshot s, ViewState view) {
        if (s == null) {
            return List.of();
        }
        List<ThreadSample> base = view.allThreads() ? s.threads() : s.scenarioThreads();
        if (base.isEmpty()) {
            base = s.threads(); // nothing of ours to show (no scenario yet): show the JVM's
        }
        String f = view.filter().toLowerCase(Locale.ROOT);
        List<ThreadSample> rows = new ArrayList<>(base.size());
        for (ThreadSample t : base) {
            if (f.isEmpty() || t.name().toLowerCase(Locale.ROOT).contains(f)) {
                rows.add(t);
            }
        }
        Comparator<ThreadSample> order = switch (view.sort()) {
            case NATURAL -> null;
            case NAME -> Comparator.comparing(ThreadSample::name, String.CASE_INSENSITIVE_ORDER);
            case STATE -> Comparator.comparing(ThreadSample::state).thenComparing(ThreadSample::name);
            case CPU -> Comparator.comparingDouble(ThreadSample::cpuPercent).reversed()
                    .thenComparing(ThreadSample::name);
        };
        if (order != null) {
            rows.sort(order);
        }
        return rows;
    }
}
