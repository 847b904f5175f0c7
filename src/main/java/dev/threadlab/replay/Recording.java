package dev.threadlab.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.UserError;
import dev.threadlab.probe.StackSample;
import dev.threadlab.report.JsonLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A recording on disk: its header, checked when it is opened, and an index of its ticks built on a
 * thread of its own (where each tick is, when it was, where the keyframe before it starts), so the
 * first frame shows at once and a seek reads at most one keyframe's worth of lines.
 */
public final class Recording implements AutoCloseable {
    private final Path path;
    private final boolean gzip;
    private final JsonNode header;
    private final Thread indexer;

    // ---- the index, grown by the indexer, read by the player (guarded by this)
    private long[] tickTimes = new long[1024];
    private int[] tickKeyframe = new int[1024];
    private int ticks;
    private final List<Cursor.Start> keyframes = new ArrayList<>();
    private final List<long[]> runStarts = new ArrayList<>(); // {first tick, index into runs}
    private final List<RunMark> runs = new ArrayList<>();
    private final List<Cursor.Stack> stacks = new ArrayList<>();
    private boolean indexed;
    private boolean truncated;
    private String error;

    private Recording(Path path, boolean gzip, JsonNode header) {
        this.path = path;
        this.gzip = gzip;
        this.header = header;
        this.indexer = new Thread(this::index, "threadlab-index");
        indexer.setDaemon(true);
    }

    /**
     * Opens a recording and checks that it is one this ThreadLab reads; the index builds in the background.
     *
     * @throws UserError with one line: no such file, not a recording, a newer format
     */
    public static Recording open(Path path) {
        JsonNode header = readHeader(path);
        boolean gzip;
        try {
            gzip = RecordStream.isGzip(path);
        } catch (IOException e) {
            throw new UserError(path + ": cannot read it (" + e.getMessage() + ")");
        }
        Recording r = new Recording(path, gzip, header);
        r.indexer.start();
        return r;
    }

    private static JsonNode readHeader(Path path) {
        if (Files.isDirectory(path)) {
            throw new UserError(path + ": is a directory, not a recording");
        }
        String first;
        try (RecordStream in = RecordStream.open(path, RecordStream.isGzip(path), RecordStream.start())) {
            first = in.readLine();
        } catch (NoSuchFileException e) {
            throw new UserError(path + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new UserError(path + ": not a ThreadLab recording (" + e.getMessage() + ")");
        }
        JsonNode n;
        try {
            n = first == null ? null : Records.JSON.readTree(first);
        } catch (IOException e) {
            n = null;
        }
        if (n == null || !n.isObject() || !n.path("type").asText().equals("header") || !n.has("format")) {
            throw new UserError(path + ": not a ThreadLab recording (its first line is not a ThreadLab header; "
                    + "record with --save FILE, or run ... --headless > FILE)");
        }
        int format = n.path("format").asInt();
        if (format > JsonLines.FORMAT) {
            throw new UserError(path + ": recording format " + format + " is newer than this ThreadLab reads ("
                    + JsonLines.FORMAT + "): use a newer ThreadLab");
        }
        return n;
    }

    public Path path() {
        return path;
    }

    public JsonNode header() {
        return header;
    }

    /** The recorded interval between samples, in milliseconds. */
    public long intervalMs() {
        return Math.max(1, header.path("intervalMs").asLong(250));
    }

    /** A cursor from the very start. */
    Cursor fromStart() {
        return cursor(new Cursor.Start(RecordStream.start(), 1, 0, null));
    }

    /** A cursor from the keyframe at or before tick {@code n} (from 1), waiting for the index to reach it. */
    Cursor before(long n) {
        Cursor.Start start;
        synchronized (this) {
            int at = (int) Math.max(0, Math.min(n, ticks) - 1);
            start = ticks == 0 ? null : keyframes.get(tickKeyframe[at]);
        }
        return cursor(start == null ? new Cursor.Start(RecordStream.start(), 1, 0, null) : start);
    }

    private Cursor cursor(Cursor.Start start) {
        try {
            return new Cursor(path.toString(), RecordStream.open(path, gzip, start.place()), start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- what the index knows

    public synchronized int ticks() {
        return ticks;
    }

    public synchronized boolean indexed() {
        return indexed;
    }

    /** The file ends in the middle of a line (a crash, kill -9): it plays up to the last whole record. */
    public synchronized boolean truncated() {
        return truncated;
    }

    /** What the indexer found wrong ({@code FILE:LINE: not a ThreadLab record}), or null. */
    public synchronized String error() {
        return error;
    }

    /** The time of tick {@code n} (from 1) on the recording's axis. */
    synchronized long timeOf(long n) {
        return tickTimes[(int) Math.max(0, Math.min(n, ticks) - 1)];
    }

    /** The first tick of the run tick {@code n} belongs to. */
    synchronized long runStartOf(long n) {
        long first = 1;
        for (long[] r : runStarts) {
            if (r[0] <= n) {
                first = r[0];
            }
        }
        return first;
    }

    /** The last tick at or before time {@code atMs}, or 0 if none. */
    synchronized long tickAt(long atMs) {
        int lo = 0;
        int hi = ticks - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (tickTimes[mid] <= atMs) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found + 1;
    }

    /** The stack of a thread saved at or before tick {@code n}, or null. */
    synchronized StackSample stackAt(long threadId, long n) {
        StackSample best = null;
        for (Cursor.Stack s : stacks) {
            if (s.tick() <= n && s.stack().threadId() == threadId) {
                best = s.stack();
            }
        }
        return best;
    }

    /** Blocks until the index is complete (or the recording found garbled); for tests and benches. */
    public void awaitIndexed() throws InterruptedException {
        indexer.join();
    }

    // ---- the indexer

    /**
     * Reads every line once. Sample and delta lines are known by their start ({@code {"type":"sample","tMs":…}),
     * so only headers, runs and stacks are parsed whole; the player parses the rest as it plays them.
     */
    private void index() {
        try (RecordStream in = RecordStream.open(path, gzip, RecordStream.start())) {
            long lineNumber = 0;
            RunMark run = null;
            RecordStream.Place firstOutput = null;
            long firstOutputLine = 0;
            long tick = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String type = typeOf(line);
                if (type == null) {
                    fail(new Garbled(path.toString(), lineNumber, null).getMessage());
                    return;
                }
                switch (type) {
                    case "header", "run" -> {
                        JsonNode n = Records.JSON.readTree(line);
                        run = RunMark.of(n, n.path("atMs").asLong(), run);
                        if (type.equals("run")) {
                            addRun(tick + 1, run);
                        } else {
                            addRun(1, run);
                        }
                    }
                    case "output" -> {
                        if (firstOutput == null) {
                            firstOutput = in.lineStart();
                            firstOutputLine = lineNumber;
                        }
                    }
                    case "sample", "delta" -> {
                        long tMs = tMsOf(line);
                        boolean key = type.equals("sample");
                        Cursor.Start start = key ? new Cursor.Start(firstOutput != null ? firstOutput : in.lineStart(),
                                firstOutput != null ? firstOutputLine : lineNumber, tick, run) : null;
                        addTick(run == null ? tMs : run.timeOf(tMs), start);
                        tick++;
                        firstOutput = null;
                    }
                    case "stack" -> addStack(new Cursor.Stack(line, tick, Records.stack(Records.JSON.readTree(line))));
                    default -> { }
                }
            }
            synchronized (this) {
                truncated = in.truncated();
                indexed = true;
            }
        } catch (IOException | RuntimeException e) {
            fail(path + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** The record's type from the start of its line, or null if the line is not one of ours. */
    static String typeOf(String line) {
        String prefix = "{\"type\":\"";
        if (!line.startsWith(prefix) || !line.endsWith("}")) {
            return null;
        }
        int end = line.indexOf('"', prefix.length());
        return end < 0 ? null : line.substring(prefix.length(), end);
    }

    /** tMs from a sample's or delta's line, written right after its type. */
    private static long tMsOf(String line) throws IOException {
        int at = line.indexOf("\"tMs\":");
        if (at < 0 || at > 40) {
            return Records.JSON.readTree(line).path("tMs").asLong();
        }
        long v = 0;
        for (int i = at + 6; i < line.length() && Character.isDigit(line.charAt(i)); i++) {
            v = v * 10 + (line.charAt(i) - '0');
        }
        return v;
    }

    private synchronized void addTick(long atMs, Cursor.Start keyframe) {
        if (keyframe != null) {
            keyframes.add(keyframe);
        }
        if (ticks == tickTimes.length) {
            tickTimes = Arrays.copyOf(tickTimes, ticks * 2);
            tickKeyframe = Arrays.copyOf(tickKeyframe, ticks * 2);
        }
        tickTimes[ticks] = atMs;
        tickKeyframe[ticks] = Math.max(0, keyframes.size() - 1);
        ticks++;
    }

    private synchronized void addRun(long firstTick, RunMark run) {
        runs.add(run);
        runStarts.add(new long[] {firstTick, runs.size() - 1});
    }

    private synchronized void addStack(Cursor.Stack s) {
        stacks.add(s);
    }

    private synchronized void fail(String message) {
        error = message;
        indexed = true;
    }

    @Override
    public void close() {
        indexer.interrupt();
    }
}
