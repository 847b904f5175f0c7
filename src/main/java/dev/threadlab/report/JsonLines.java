package dev.threadlab.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.probe.OutputLine;
import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;
import dev.threadlab.probe.ThreadSample;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a watch as JSON lines, UTF-8 whatever the locale: a {@code header} first, one {@code output}
 * line per line a watched thread printed, one {@code sample} line per tick (or, in a compact recording,
 * a {@code delta} with only what changed), and a {@code summary} when the run ends. Headless output
 * flushes each line as it is written, so a pipe sees it at once. The format is in the README.
 */
public final class JsonLines {
    /** The recording format this ThreadLab writes, and the newest it reads. */
    public static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OutputStream out;
    private final JsonGenerator json;
    private final boolean flushEachLine;

    public JsonLines(OutputStream out) {
        this(out, true);
    }

    /**
     * @param flushEachLine flush after every line (a pipe); else only on {@link #flush} (a file, once a tick)
     */
    public JsonLines(OutputStream out, boolean flushEachLine) {
        this.out = out;
        this.flushEachLine = flushEachLine;
        try {
            this.json = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.setRootValueSeparator(null);
    }

    /** The output lines this tick drained, then the tick itself. */
    public void snapshot(Snapshot s) {
        for (OutputLine line : s.output()) {
            output(line);
        }
        sample(s);
    }

    public void output(OutputLine line) {
        line(() -> {
            json.writeStringField("type", "output");
            json.writeNumberField("tMs", line.tMs());
            json.writeStringField("thread", line.thread());
            json.writeStringField("text", line.text());
        });
    }

    /** The first line of a watch: what is watched, on which JDK, how often, by which ThreadLab. */
    public void header(String source, String target, String jdk, long intervalMs, String scenario,
            Map<String, String> params) {
        line(() -> {
            json.writeStringField("type", "header");
            json.writeNumberField("format", FORMAT);
            json.writeStringField("threadlab", version());
            json.writeStringField("source", source);
            json.writeStringField("target", target);
            json.writeStringField("jdk", jdk);
            json.writeNumberField("intervalMs", intervalMs);
            json.writeStringField("startedAt", java.time.Instant.now().toString());
            if (scenario != null) {
                json.writeStringField("scenario", scenario);
                params(params);
            }
        });
    }

    /** A run begins, {@code atMs} into the recording: a scenario (again, or another) or a new link. */
    public void run(long generation, long atMs, String source, String target, String jdk, String scenario,
            Map<String, String> params) {
        line(() -> {
            json.writeStringField("type", "run");
            json.writeNumberField("generation", generation);
            json.writeNumberField("atMs", atMs);
            json.writeStringField("source", source);
            json.writeStringField("target", target);
            json.writeStringField("jdk", jdk);
            if (scenario != null) {
                json.writeStringField("scenario", scenario);
                params(params);
            }
        });
    }

    private void params(Map<String, String> params) throws IOException {
        json.writeObjectFieldStart("params");
        for (Map.Entry<String, String> p : params.entrySet()) {
            json.writeStringField(p.getKey(), p.getValue());
        }
        json.writeEndObject();
    }

    /** A whole sample: every thread. */
    public void sample(Snapshot s) {
        line(() -> {
            json.writeStringField("type", "sample");
            json.writeNumberField("tMs", s.tMs());
            json.writeStringField("status", s.run().status().label());
            json.writeArrayFieldStart("threads");
            for (ThreadSample t : s.threads()) {
                thread(t);
            }
            json.writeEndArray();
            rest(s);
        });
    }

    /**
     * What changed since {@code before}: the threads that came (whole) or changed (their changed fields,
     * see {@link ThreadJson}), and the order of ids when threads came, went or moved. Everything else is
     * written whole, as in a sample.
     */
    public void delta(Snapshot before, Snapshot s) {
        line(() -> {
            json.writeStringField("type", "delta");
            json.writeNumberField("tMs", s.tMs());
            json.writeStringField("status", s.run().status().label());
            java.util.Map<Long, ThreadSample> was = new java.util.HashMap<>(before.threads().size() * 2);
            for (ThreadSample t : before.threads()) {
                was.put(t.id(), t);
            }
            json.writeArrayFieldStart("changed");
            for (ThreadSample t : s.threads()) {
                ThreadSample had = was.get(t.id());
                if (had == null) {
                    thread(t);
                } else if (!t.equals(had)) {
                    ThreadJson.writeChange(json, had, t);
                }
            }
            json.writeEndArray();
            if (!sameOrder(before, s)) {
                json.writeArrayFieldStart("ids");
                for (ThreadSample t : s.threads()) {
                    json.writeNumber(t.id());
                }
                json.writeEndArray();
            }
            rest(s);
        });
    }

    private static boolean sameOrder(Snapshot a, Snapshot b) {
        if (a.threads().size() != b.threads().size()) {
            return false;
        }
        for (int i = 0; i < a.threads().size(); i++) {
            if (a.threads().get(i).id() != b.threads().get(i).id()) {
                return false;
            }
        }
        return true;
    }

    /** A stack someone opened, as the overlay showed it. */
    public void stack(StackSample stack) {
        line(() -> {
            json.writeStringField("type", "stack");
            json.writeNumberField("tMs", stack.tMs());
            json.writeNumberField("thread", stack.threadId());
            json.writeStringField("name", stack.threadName());
            json.writeArrayFieldStart("lines");
            for (String l : stack.lines()) {
                json.writeString(l);
            }
            json.writeEndArray();
        });
    }

    /** The link to the watched JVM dropped ({@code lost}). */
    public void link(String state, String reason) {
        line(() -> {
            json.writeStringField("type", "link");
            json.writeStringField("state", state);
            json.writeStringField("reason", reason);
        });
    }

    /** Everything of a sample after its threads. */
    private void rest(Snapshot s) throws IOException {
        counters(s.counters());
        if (!s.results().isEmpty()) {
            json.writeObjectFieldStart("results");
            results(s.results());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("pools");
        for (PoolSample p : s.pools()) {
            pool(p);
        }
        json.writeEndArray();
        deadlocked(s);
        if (s.run().stepMode()) {
            json.writeBooleanField("stepMode", true);
        }
        if (s.run().nextStep() != null) {
            json.writeStringField("nextStep", s.run().nextStep());
        }
        if (s.run().note() != null) {
            json.writeStringField("note", s.run().note());
        }
        json.writeNumberField("liveThreads", s.liveThreads());
        json.writeNumberField("tickMicros", s.tickMicros());
    }

    /** The last line: how the run ended, its counters, its results, and what was deadlocked at the end. */
    public void summary(Snapshot last) {
        RunState run = last.run();
        line(() -> {
            json.writeStringField("type", "summary");
            json.writeStringField("scenario", run.id());
            json.writeStringField("status", run.status().label());
            json.writeNumberField("elapsedMs", run.elapsedMs());
            counters(last.counters());
            results(last.results());
            deadlocked(last);
            if (run.note() != null) {
                json.writeStringField("note", run.note());
            }
        });
    }

    private void thread(ThreadSample t) throws IOException {
        ThreadJson.write(json, t);
    }

    private void pool(PoolSample p) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", p.name());
        json.writeNumberField("poolSize", p.poolSize());
        json.writeNumberField("active", p.active());
        json.writeNumberField("largest", p.largest());
        json.writeNumberField("queued", p.queued());
        json.writeNumberField("completed", p.completed());
        json.writeNumberField("capacity", p.capacity());
        json.writeEndObject();
    }

    private void counters(Map<String, Number> counters) throws IOException {
        json.writeObjectFieldStart("counters");
        for (Map.Entry<String, Number> c : counters.entrySet()) {
            json.writeFieldName(c.getKey());
            json.writeObject(c.getValue());
        }
        json.writeEndObject();
    }

    private void results(Map<String, Object> results) throws IOException {
        for (Map.Entry<String, Object> r : results.entrySet()) {
            json.writeFieldName(r.getKey());
            json.writeObject(r.getValue());
        }
    }

    private void deadlocked(Snapshot s) throws IOException {
        json.writeArrayFieldStart("deadlocked");
        for (long id : s.deadlocked()) {
            json.writeNumber(id);
        }
        json.writeEndArray();
    }

    private interface Body {
        void write() throws IOException;
    }

    private synchronized void line(Body body) {
        try {
            json.writeStartObject();
            body.write();
            json.writeEndObject();
            json.flush();
            out.write('\n');
            if (flushEachLine) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends what was written on: once a tick, for a file. */
    public synchronized void flush() {
        try {
            json.flush();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ThreadLab's version, as the jar's manifest has it ({@code dev} when run from classes). */
    public static String version() {
        String v = JsonLines.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
