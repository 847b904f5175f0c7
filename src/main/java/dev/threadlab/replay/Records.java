package dev.threadlab.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.probe.OutputLine;
import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.report.ThreadJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON lines of a recording read back into the records the panes draw: the inverse of
 * {@code report.JsonLines}, field for field, so that a sample written and read back writes the same.
 */
final class Records {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The summary's own fields; every other top-level key is one of the run's results. */
    private static final Set<String> SUMMARY_FIELDS = Set.of("type", "scenario", "status", "elapsedMs", "counters",
            "deadlocked", "note");

    private Records() {
    }

    /** A whole sample, with the output lines that came before it. */
    static Snapshot sample(JsonNode n, String runId, List<OutputLine> output) {
        List<ThreadSample> threads = new ArrayList<>(n.path("threads").size());
        for (JsonNode t : n.path("threads")) {
            threads.add(ThreadJson.read(t));
        }
        return rest(n, runId, threads, output);
    }

    /** A delta applied to the sample before it. */
    static Snapshot delta(JsonNode n, Snapshot before, String runId, List<OutputLine> output) {
        JsonNode changed = n.path("changed");
        Map<Long, JsonNode> changes = new HashMap<>(changed.size() * 2);
        for (JsonNode t : changed) {
            changes.put(t.path("id").asLong(), t);
        }
        List<ThreadSample> threads = new ArrayList<>(before.threads().size());
        if (!n.has("ids")) {
            // Most ticks: the same threads in the same order, a few of them changed.
            for (ThreadSample t : before.threads()) {
                JsonNode c = changes.get(t.id());
                threads.add(c == null ? t : ThreadJson.apply(c, t));
            }
            return rest(n, runId, threads, output);
        }
        Map<Long, ThreadSample> byId = new HashMap<>(before.threads().size() * 2);
        for (ThreadSample t : before.threads()) {
            byId.put(t.id(), t);
        }
        for (JsonNode id : n.get("ids")) {
            long key = id.asLong();
            ThreadSample was = byId.get(key);
            JsonNode c = changes.get(key);
            if (was == null && c == null) {
                throw new IllegalArgumentException("thread " + key + " is neither changed nor known");
            }
            threads.add(was == null ? ThreadJson.read(c) : c == null ? was : ThreadJson.apply(c, was));
        }
        return rest(n, runId, threads, output);
    }

    private static Snapshot rest(JsonNode n, String runId, List<ThreadSample> threads, List<OutputLine> output) {
        long tMs = n.path("tMs").asLong();
        List<PoolSample> pools = new ArrayList<>();
        for (JsonNode p : n.path("pools")) {
            pools.add(new PoolSample(p.path("name").asText(), p.path("poolSize").asInt(), p.path("active").asInt(),
                    p.path("largest").asInt(), p.path("queued").asLong(), p.path("completed").asLong(),
                    p.path("capacity").asLong()));
        }
        RunState run = new RunState(runId, status(n.path("status").asText()), tMs, n.path("stepMode").asBoolean(),
                text(n.get("nextStep")), text(n.get("note")));
        Map<String, Object> results = new LinkedHashMap<>();
        n.path("results").fields().forEachRemaining(e -> results.put(e.getKey(), value(e.getValue())));
        return new Snapshot(tMs, threads, ids(n.path("deadlocked")), counters(n.path("counters")), results, pools,
                output, run, n.path("tickMicros").asLong(), n.path("liveThreads").asInt());
    }

    /** The summary: the run's end state over the last sample (whose threads it keeps). */
    static Snapshot summary(JsonNode n, Snapshot last) {
        Map<String, Object> results = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!SUMMARY_FIELDS.contains(e.getKey())) {
                results.put(e.getKey(), value(e.getValue()));
            }
        });
        long elapsed = n.path("elapsedMs").asLong();
        RunState run = new RunState(n.path("scenario").asText(), status(n.path("status").asText()), elapsed, false,
                null, text(n.get("note")));
        List<ThreadSample> threads = last == null ? List.of() : last.threads();
        return new Snapshot(elapsed, threads, ids(n.path("deadlocked")), counters(n.path("counters")), results,
                last == null ? List.of() : last.pools(), List.of(), run, last == null ? 0 : last.tickMicros(),
                last == null ? 0 : last.liveThreads());
    }

    static OutputLine output(JsonNode n) {
        return new OutputLine(n.path("tMs").asLong(), n.path("thread").asText(), n.path("text").asText());
    }

    static StackSample stack(JsonNode n) {
        List<String> lines = new ArrayList<>();
        n.path("lines").forEach(l -> lines.add(l.asText()));
        return new StackSample(n.path("thread").asLong(), n.path("name").asText(), n.path("tMs").asLong(), lines);
    }

    private static RunState.Status status(String label) {
        return RunState.Status.valueOf(label.toUpperCase(Locale.ROOT));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>(array.size());
        array.forEach(id -> out.add(id.asLong()));
        return out;
    }

    private static Map<String, Number> counters(JsonNode n) {
        Map<String, Number> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().numberValue()));
        return out;
    }

    /** A JSON value as the scenario had it: numbers, strings, booleans, lists, maps. */
    private static Object value(JsonNode n) {
        return JSON.convertValue(n, Object.class);
    }
}
