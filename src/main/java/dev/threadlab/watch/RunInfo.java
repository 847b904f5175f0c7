package dev.threadlab.watch;

import dev.threadlab.scenario.ScenarioEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of a source is: a scenario with its parameters, or the JVM a link reaches. A new run
 * (a restart, a reconnect) is a new object, and with it a fresh history.
 *
 * @param kind   {@code scenario}, {@code attach}, {@code connect} or {@code replay}
 * @param target what the header names: the scenario id, or the JVM ({@code pid 4242 (app.Main)}, {@code db1:9010})
 * @param entry  the scenario, or null when watching a JVM that runs none of ours
 * @param jdk    the watched JVM's version, as its {@code java.version} reads
 */
public record RunInfo(String kind, String target, ScenarioEntry entry, String jdk) {

    /** A scenario run in this JVM. */
    public static RunInfo scenario(ScenarioEntry entry) {
        return new RunInfo("scenario", entry.id(), entry, System.getProperty("java.version"));
    }

    /** The parameters as a user would type them back ({@code work=5us}), in the type's order. */
    public Map<String, String> params() {
        Map<String, String> out = new LinkedHashMap<>();
        if (entry != null) {
            entry.params().asMap().forEach((k, v) -> out.put(k, entry.type().param(k).map(p -> p.format(v))
                    .orElse(String.valueOf(v))));
        }
        return out;
    }

    /** The JDK's feature number ({@code 17}), or 0 where the version cannot be read. */
    public int jdkFeature() {
        try {
            return Runtime.Version.parse(jdk).feature();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
