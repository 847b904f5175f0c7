package dev.threadlab.replay;

import dev.threadlab.Durations;
import dev.threadlab.UserError;
import dev.threadlab.probe.OutputLine;
import dev.threadlab.report.JsonLines;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code replay FILE --headless}: the records of a window of a recording, with every delta expanded into a
 * whole sample, so scripts never need to know the compact form; or, with {@code --at}, the one sample in
 * force at that time. The header and run records always come along: they say what the samples are of.
 */
public final class Slice {
    private final Recording recording;
    private final OutputStream out;
    private final JsonLines json;

    public Slice(Recording recording, OutputStream out) {
        this.recording = recording;
        this.out = out;
        this.json = new JsonLines(out, false);
    }

    /**
     * Writes the records from {@code from} to {@code to} (either may be null: the start, the end).
     *
     * @return true if the recording was whole; false if its last line was cut
     */
    public boolean window(Duration from, Duration to) {
        long lo = from == null ? Long.MIN_VALUE : from.toMillis();
        long hi = to == null ? Long.MAX_VALUE : to.toMillis();
        try (Cursor c = recording.fromStart()) {
            long lastAt = 0;
            for (Cursor.Item item; (item = c.next()) != null; ) {
                if (item instanceof Cursor.Tick t) {
                    lastAt = t.atMs();
                    if (t.atMs() >= lo && t.atMs() <= hi) {
                        for (OutputLine line : t.snapshot().output()) {
                            json.output(line);
                        }
                        json.sample(t.snapshot());
                    }
                } else if (item instanceof Cursor.Header || item instanceof Cursor.Run) {
                    raw(item.line());
                } else if (lastAt >= lo && lastAt <= hi) {
                    raw(item.line());
                }
            }
            json.flush();
            return !c.truncated();
        }
    }

    /** Writes the one sample in force at {@code at}: the last one taken at or before it. */
    public boolean at(Duration at) {
        long t = at.toMillis();
        try (Cursor c = recording.fromStart()) {
            Cursor.Tick found = null;
            Cursor.Tick first = null;
            for (Cursor.Item item; (item = c.next()) != null; ) {
                if (item instanceof Cursor.Tick tick) {
                    if (first == null) {
                        first = tick;
                    }
                    if (tick.atMs() > t) {
                        break;
                    }
                    found = tick;
                }
            }
            if (found == null) {
                throw new UserError(recording.path() + ": no sample at or before " + Durations.format(at)
                        + (first == null ? " (it holds none)" : " (the first is at "
                                + Durations.format(Duration.ofMillis(first.atMs())) + ")"));
            }
            json.sample(found.snapshot());
            json.flush();
            return !c.truncated();
        }
    }

    private void raw(String line) {
        try {
            json.flush();
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
