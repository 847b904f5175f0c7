package dev.threadlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.config.CatalogLoader;
import dev.threadlab.report.HeadlessRun;
import dev.threadlab.report.JsonLines;
import dev.threadlab.report.JsonSink;
import dev.threadlab.watch.Control;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.ScenarioSource;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.scenario.ScenarioRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Runs a catalogue entry headless in this JVM and hands back its JSON lines, parsed. */
public final class HeadlessHarness {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HeadlessHarness() {
    }

    /** The default catalogue's entry {@code id}, with parameters overridden as {@code --set} would. */
    public static ScenarioEntry entry(String id, Map<String, String> sets) {
        ScenarioEntry e = CatalogLoader.loadDefault().get(id);
        Map<String, Object> values = new LinkedHashMap<>();
        sets.forEach((k, v) -> values.put(k, e.type().param(k).orElseThrow().parse(v)));
        return e.withParams(e.params().with(values));
    }

    public static Result run(ScenarioEntry entry, Duration interval, Duration limit) {
        return run(entry, interval, limit, null);
    }

    /** The same, recorded with {@code --save} into {@code save} too (when not null). */
    public static Result run(ScenarioEntry entry, Duration interval, Duration limit, java.nio.file.Path save) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScenarioSource source = new ScenarioSource(entry.id());
        Engine engine = new Engine(source, new Engine.Settings(interval, limit, null, true));
        if (save != null) {
            engine.add(dev.threadlab.report.Recorder.open(save, problem -> {
                throw new IllegalStateException(problem);
            }));
        }
        engine.add(JsonSink.headless(new JsonLines(bytes), e -> {
            throw e;
        }));
        engine.control(new Control.Start(entry), why -> {
            throw new IllegalStateException(why);
        });
        try {
            new HeadlessRun(engine).execute();
            return new Result(source.current(), parse(bytes.toString(StandardCharsets.UTF_8)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result run(String id, Map<String, String> sets, Duration interval, Duration limit) {
        return run(entry(id, sets), interval, limit);
    }

    public static List<JsonNode> parse(String text) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON line: " + line, e);
                }
            }
        }
        return lines;
    }

    /** What a run wrote: every line, and views of its samples, output and summary. */
    public record Result(ScenarioRun run, List<JsonNode> lines) {
        public List<JsonNode> samples() {
            return ofType("sample");
        }

        public List<JsonNode> output() {
            return ofType("output");
        }

        public JsonNode summary() {
            List<JsonNode> s = ofType("summary");
            if (s.size() != 1 || lines.get(lines.size() - 1) != s.get(0)) {
                throw new AssertionError("expected exactly one summary, last: " + lines);
            }
            return s.get(0);
        }

        private List<JsonNode> ofType(String type) {
            return lines.stream().filter(l -> l.path("type").asText().equals(type)).toList();
        }

        /** The states one named scenario thread had, sample by sample (absent samples skipped). */
        public List<String> statesOf(String threadName) {
            List<String> states = new ArrayList<>();
            for (JsonNode s : samples()) {
                StreamSupport.stream(s.get("threads").spliterator(), false)
                        .filter(t -> t.get("scenario").asBoolean() && t.get("name").asText().equals(threadName))
                        .findFirst()
                        .ifPresent(t -> states.add(t.get("state").asText()));
            }
            return states;
        }

        public List<JsonNode> threadsNamed(String threadName) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode s : samples()) {
                for (JsonNode t : s.get("threads")) {
                    if (t.get("scenario").asBoolean() && t.get("name").asText().equals(threadName)) {
                        out.add(t);
                    }
                }
            }
            return out;
        }
    }
}
