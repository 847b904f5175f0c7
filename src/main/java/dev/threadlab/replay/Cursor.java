package dev.threadlab.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.probe.OutputLine;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a recording forward from a keyframe (or its start), one record at a time, with deltas expanded
 * into whole samples and each sample's output lines attached to it. Every record keeps its line, for a
 * writer that passes it on unchanged.
 */
final class Cursor implements Closeable {

    /** One record of the recording. */
    sealed interface Item {
        String line();
    }

    record Header(String line, JsonNode node) implements Item {
    }

    /** A run begins: {@code offsetMs} is its start on the recording's time axis. */
    record Run(String line, RunMark run) implements Item {
    }

    /** A sample, expanded: tick {@code n} (from 1) at {@code atMs} on the recording's time axis. */
    record Tick(String line, long n, long atMs, RunMark run, Snapshot snapshot) implements Item {
    }

    record Stack(String line, long tick, StackSample stack) implements Item {
    }

    record Summary(String line, Snapshot summary) implements Item {
    }

    /** Anything else (a link record, a type a newer ThreadLab adds): passed on as it is. */
    record Other(String line, String type) implements Item {
    }

    /** Where a cursor starts, and what it must know there: the line number, the tick before, the run. */
    record Start(RecordStream.Place place, long lineNumber, long ticksBefore, RunMark run) {
    }

    private final String file;
    private final RecordStream in;
    private long lineNumber;
    private long tick;
    private final long ticksBefore;
    private RunMark run;
    private Snapshot previous;
    private final List<OutputLine> pending = new ArrayList<>();

    Cursor(String file, RecordStream in, Start start) {
        this.file = file;
        this.in = in;
        this.lineNumber = start.lineNumber() - 1;
        this.tick = start.ticksBefore();
        this.ticksBefore = start.ticksBefore();
        this.run = start.run();
    }

    /** The ticks before the first this cursor gives. */
    long ticksBefore() {
        return ticksBefore;
    }

    /** The line number of the record last read. */
    long lineNumber() {
        return lineNumber;
    }

    RecordStream.Place place() {
        return in.lineStart();
    }

    boolean truncated() {
        return in.truncated();
    }

    RunMark run() {
        return run;
    }

    /**
     * The next record; null at the end.
     *
     * @throws Garbled for a line that is not one of ours
     */
    Item next() {
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = parse(line);
            String type = n.path("type").asText();
            try {
                Item item = item(line, type, n);
                if (item != null) {
                    return item;
                }
            } catch (RuntimeException e) {
                throw new Garbled(file, lineNumber, e);
            }
        }
    }

    private Item item(String line, String type, JsonNode n) {
        switch (type) {
            case "header" -> {
                run = RunMark.of(n, 0, run);
                return new Header(line, n);
            }
            case "run" -> {
                run = RunMark.of(n, n.path("atMs").asLong(), run);
                previous = null;
                return new Run(line, run);
            }
            case "output" -> {
                pending.add(Records.output(n));
                return null; // told with the sample it came before
            }
            case "sample", "delta" -> {
                List<OutputLine> output = List.copyOf(pending);
                pending.clear();
                Snapshot s;
                if (type.equals("sample")) {
                    s = Records.sample(n, run.target(), output);
                } else if (previous == null) {
                    throw new IllegalArgumentException("a delta with no sample before it");
                } else {
                    s = Records.delta(n, previous, run.target(), output);
                }
                previous = s;
                tick++;
                return new Tick(line, tick, run.timeOf(s.tMs()), run, s);
            }
            case "stack" -> {
                return new Stack(line, tick, Records.stack(n));
            }
            case "summary" -> {
                return new Summary(line, Records.summary(n, previous));
            }
            default -> {
                return new Other(line, type);
            }
        }
    }

    /** The output lines read since the last sample (a recording that ends on output). */
    List<OutputLine> pendingOutput() {
        return List.copyOf(pending);
    }

    private JsonNode parse(String line) {
        try {
            JsonNode n = Records.JSON.readTree(line);
            if (n == null || !n.isObject() || !n.path("type").isTextual()) {
                throw new Garbled(file, lineNumber, null);
            }
            return n;
        } catch (IOException e) {
            throw new Garbled(file, lineNumber, e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
