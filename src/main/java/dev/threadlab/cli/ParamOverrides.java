package dev.threadlab.cli;

import dev.threadlab.UserError;
import dev.threadlab.scenario.Assignments;
import dev.threadlab.scenario.ScenarioEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies {@code --set key=value} to an entry, checking each against the entry's type as the config file is. */
final class ParamOverrides {
    private ParamOverrides() {
    }

    static ScenarioEntry apply(ScenarioEntry entry, List<String> sets) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String set : sets) {
            try {
                values.putAll(Assignments.parse(entry, List.of(set)));
            } catch (IllegalArgumentException e) {
                throw new UserError("--set " + set + ": " + e.getMessage()
                        + (set.indexOf('=') <= 0 ? ", e.g. --set threads=8" : ""));
            }
        }
        return values.isEmpty() ? entry : entry.withParams(entry.params().with(values));
    }
}
