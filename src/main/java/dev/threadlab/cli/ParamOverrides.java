package dev.threadlab.cli;

import dev.threadlab.UserError;
import dev.threadlab.scenario.ParamSpec;
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
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--set " + set + ": expected key=value, e.g. --set threads=8");
            }
            String key = set.substring(0, eq).strip();
            String text = set.substring(eq + 1);
            ParamSpec spec = entry.type().param(key).orElseThrow(() -> new UserError("--set " + set + ": "
                    + entry.id() + " has no parameter '" + key + "' (it has: "
                    + String.join(", ", entry.type().paramNames()) + ")"));
            try {
                values.put(key, spec.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UserError("--set " + set + ": " + e.getMessage());
            }
        }
        return values.isEmpty() ? entry : entry.withParams(entry.params().with(values));
    }
}
