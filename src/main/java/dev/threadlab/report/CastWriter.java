package dev.threadlab.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes an asciicast v2 file: a header line (width, height, start time, title), then one
 * {@code [seconds, "o", text]} line per chunk of output, {@code [seconds, "r", "WxH"]} per resize and
 * {@code [seconds, "m", label]} per marker.
 * Times count from the header and never go backwards.
 */
public final class CastWriter implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;
    private final JsonGenerator json;
    private final long startNanos = System.nanoTime();
    private double lastSeconds;

    public CastWriter(Path file, int width, int height, String title, Map<String, String> env) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.json = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.setRootValueSeparator(null);
            json.writeStartObject();
            json.writeNumberField("version", 2);
            json.writeNumberField("width", width);
            json.writeNumberField("height", height);
            json.writeNumberField("timestamp", System.currentTimeMillis() / 1000);
            json.writeStringField("title", title);
            json.writeObjectFieldStart("env");
            for (Map.Entry<String, String> e : env.entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            endLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** What the terminal was sent, now. */
    public synchronized void output(String text) {
        event("o", text);
    }

    /** A marker (a chapter, to players that show them): a demo's captions are written as markers. */
    public synchronized void marker(String label) {
        event("m", label);
    }

    public synchronized void resize(int width, int height) {
        event("r", width + "x" + height);
    }

    private void event(String type, String data) {
        double t = Math.max(lastSeconds, (System.nanoTime() - startNanos) / 1e9);
        lastSeconds = t;
        try {
            json.writeStartArray();
            json.writeNumber(Math.round(t * 1e6) / 1e6);
            json.writeString(type);
            json.writeString(data);
            json.writeEndArray();
            endLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void endLine() throws IOException {
        json.flush();
        out.write('\n');
    }

    @Override
    public synchronized void close() {
        try {
            json.flush();
            out.flush();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
