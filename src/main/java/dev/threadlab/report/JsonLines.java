package dev.threadlab.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadlab.probe.OutputLine;
import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Writes snapshots as JSON lines, UTF-8 whatever the locale: one {@code output} line per line a
 * watched thread printed, one {@code sample} line per tick, and a last {@code summary}. Each line
 * is flushed as it is written, so a pipe sees it at once. The format is documented in the README.
 */
public final class JsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OutputStream out;
    private final JsonGenerator json;

    public JsonLines(OutputStream out) {
        this.out = out;
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
            if (s.run().nextStep() != null) {
                json.writeStringField("nextStep", s.run().nextStep());
            }
            json.writeNumberField("liveThreads", s.liveThreads());
            json.writeNumberField("tickMicros", s.tickMicros());
        });
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
        json.writeStartObject();
        json.writeNumberField("id", t.id());
        json.writeStringField("name", t.name());
        json.writeStringField("state", t.state().name());
        json.writeStringField("cause", t.cause().name().toLowerCase(Locale.ROOT));
        json.writeBooleanField("daemon", t.daemon());
        json.writeBooleanField("scenario", t.scenario());
        json.writeStringField("lock", t.lock());
        if (t.lockOwnerId() >= 0) {
            json.writeNumberField("lockOwnerId", t.lockOwnerId());
        } else {
            json.writeNullField("lockOwnerId");
        }
        json.writeStringField("lockOwner", t.lockOwner());
        json.writeNumberField("blockedCount", t.blockedCount());
        json.writeNumberField("blockedTimeMs", t.blockedTimeMs());
        json.writeNumberField("blockedDelta", t.blockedDelta());
        json.writeNumberField("waitedCount", t.waitedCount());
        json.writeNumberField("waitedTimeMs", t.waitedTimeMs());
        json.writeNumberField("waitedDelta", t.waitedDelta());
        if (t.cpuNanos() >= 0) {
            json.writeNumberField("cpuMs", t.cpuNanos() / 1_000_000);
        } else {
            json.writeNullField("cpuMs");
        }
        if (t.cpuPercent() >= 0) {
            json.writeNumberField("cpuPercent", Math.round(t.cpuPercent() * 10) / 10.0);
        } else {
            json.writeNullField("cpuPercent");
        }
        json.writeEndObject();
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
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
