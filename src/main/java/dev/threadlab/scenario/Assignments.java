package dev.threadlab.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code key=value} pairs for a scenario's parameters, as {@code --set} and an autopilot's {@code set}
 * give them: each key checked against the entry's type and each value parsed by its parameter, so
 * both fail the same way, in the same words.
 */
public final class Assignments {
    private Assignments() {
    }

    /**
     * @throws IllegalArgumentException naming the pair and what is wrong with it
     */
    public static Map<String, Object> parse(ScenarioEntry entry, List<String> pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + pair + "'");
            }
            String key = pair.substring(0, eq).strip();
            ParamSpec spec = entry.type().param(key).orElseThrow(() -> new IllegalArgumentException(entry.id()
                    + " has no parameter '" + key + "' (it has: " + String.join(", ", entry.type().paramNames())
                    + ")"));
            values.put(key, spec.parse(pair.substring(eq + 1)));
        }
        return values;
    }
}
