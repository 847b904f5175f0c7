package dev.threadlab.replay;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.watch.Playback;
import dev.threadlab.watch.RunInfo;
import dev.threadlab.watch.Source;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording as an engine's source: it plays tick by tick at the recorded pace times a speed, holds,
 * steps and seeks. After a seek it hands out the ticks just before the target too (the timeline's
 * worth), so the screen shows the same history it showed live.
 */
public final class ReplaySource implements Source {
    static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4, 8, 16};
    /** Ticks of history re-read before a seek's target: as wide as the timeline of a 200-column terminal. */
    static final int HISTORY = 128;

    /** Ticks kept after they were read, so steps back and forth near here read nothing again. */
    static final int KEPT = 2 * HISTORY;

    private final Recording recording;
    private final ScenarioCatalog catalog;
    private Cursor cursor;
    /** The last ticks read, in order, without gaps; {@code frontier} is the last one the cursor gave. */
    private final ArrayList<Cursor.Tick> recent = new ArrayList<>();
    private long frontier;
    private boolean exhausted;
    private Cursor.Tick shown;
    private RunInfo info;
    private RunMark infoOf;
    private final Deque<Cursor.Tick> backlog = new ArrayDeque<>();
    private boolean playing = true;
    private int speed = 2; // 1x
    private String error;

    public ReplaySource(Recording recording, ScenarioCatalog catalog) {
        this.recording = recording;
        this.catalog = catalog;
        this.cursor = recording.fromStart();
    }

    @Override
    public RunInfo run() {
        Cursor.Tick t = !backlog.isEmpty() ? backlog.peekFirst() : next();
        if (t == null) {
            t = shown;
        }
        if (t != null && t.run() != infoOf) {
            infoOf = t.run();
            info = runInfo(t.run());
        }
        return info;
    }

    /** The tick after the one on screen (the first, before any), or null at the end. */
    private Cursor.Tick next() {
        return at(shown == null ? 1 : shown.n() + 1);
    }

    /** Tick {@code n}, if it was read lately or is the next the cursor gives; else null. */
    private Cursor.Tick at(long n) {
        if (!recent.isEmpty()) {
            long first = recent.get(0).n();
            if (n >= first && n <= frontier) {
                return recent.get((int) (n - first));
            }
        }
        if (n != frontier + 1 || exhausted || error != null) {
            return null;
        }
        Cursor.Tick t = read();
        if (t == null) {
            exhausted = true;
            return null;
        }
        frontier = t.n();
        recent.add(t);
        if (recent.size() > KEPT) {
            recent.subList(0, recent.size() - KEPT).clear();
        }
        return t;
    }

    /** The recorded run as the panes need it: the catalogue's entry (for its lesson), with the recorded values. */
    private RunInfo runInfo(RunMark r) {
        ScenarioEntry entry = r.scenario() == null ? null : catalog.find(r.scenario()).map(e -> withParams(e, r))
                .orElse(null);
        return new RunInfo("replay", r.target(), entry, r.jdk());
    }

    private static ScenarioEntry withParams(ScenarioEntry e, RunMark r) {
        Map<String, Object> values = new LinkedHashMap<>();
        r.params().forEach((k, v) -> e.type().param(k).ifPresent(p -> values.put(k, parse(p, v, e, k))));
        return e.withParams(e.params().with(values));
    }

    private static Object parse(ParamSpec p, String v, ScenarioEntry e, String k) {
        try {
            return p.parse(v);
        } catch (IllegalArgumentException ex) {
            return e.params().asMap().get(k); // a value this catalogue no longer takes: its default
        }
    }

    @Override
    public Snapshot sample() {
        if (error != null) {
            return null;
        }
        if (!backlog.isEmpty()) {
            return show(backlog.pollFirst());
        }
        if (!playing) {
            return null;
        }
        Cursor.Tick t = next();
        if (t == null) {
            playing = false; // the end: hold here
            return null;
        }
        return show(t);
    }

    private Snapshot show(Cursor.Tick t) {
        shown = t;
        return t.snapshot();
    }

    /** True while ticks before a seek's target are still to be handed out. */
    @Override
    public boolean behind() {
        return !backlog.isEmpty();
    }

    private Cursor.Tick read() {
        try {
            for (Cursor.Item item; (item = cursor.next()) != null; ) {
                if (item instanceof Cursor.Tick t) {
                    return t;
                }
            }
        } catch (Garbled e) {
            error = e.getMessage();
        }
        return null;
    }

    @Override
    public Duration pace(Duration interval) {
        Cursor.Tick next = shown == null ? null : next();
        if (next == null || next.run() != shown.run()) {
            return scaled(recording.intervalMs());
        }
        return scaled(Math.max(1, next.atMs() - shown.atMs()));
    }

    private Duration scaled(long ms) {
        return Duration.ofNanos((long) (ms * 1_000_000L / SPEEDS[speed]));
    }

    @Override
    public StackSample stack(long threadId, String threadName) {
        long at = shown == null ? 0 : shown.n();
        StackSample saved = recording.stackAt(threadId, at);
        if (saved != null) {
            return saved;
        }
        return new StackSample(threadId, threadName, 0, List.of("no stack of " + threadName
                + " was saved at or before this tick (a stack is saved when someone opens it live)"));
    }

    // ---- what the keys ask

    public void togglePlaying() {
        if (!playing && shown != null && next() == null) {
            seek(1); // at the end, play starts over
        }
        playing = !playing;
    }

    /** Moves {@code by} ticks and holds there. */
    public void step(int by) {
        playing = false;
        seek((shown == null ? 0 : shown.n()) + by);
    }

    /** The first tick, held there (Space plays on). */
    public void first() {
        playing = false;
        seek(1);
    }

    /** The last tick read so far, held there. */
    public void last() {
        playing = false;
        seek(recording.ticks());
    }

    public void speed(int direction) {
        speed = Math.max(0, Math.min(SPEEDS.length - 1, speed + direction));
    }

    /** Shows tick {@code n} (from 1), with the ticks of its run before it as history. */
    void seek(long n) {
        long ticks = Math.max(recording.ticks(), frontier);
        if (ticks == 0) {
            return;
        }
        long target = Math.max(1, Math.min(n, ticks));
        long from = Math.max(recording.runStartOf(target), target - HISTORY + 1);
        boolean kept = !recent.isEmpty() && from >= recent.get(0).n() && from <= frontier + 1;
        if (!kept) {
            cursor.close();
            cursor = recording.before(from);
            recent.clear();
            exhausted = false;
            frontier = cursor.ticksBefore();
            for (long k = frontier + 1; k < from && at(k) != null; k++) {
                // from the keyframe up to the history's first tick
            }
        }
        backlog.clear();
        for (long k = from; k <= target; k++) {
            Cursor.Tick t = at(k);
            if (t == null) {
                break;
            }
            backlog.addLast(t);
        }
        shown = null;
        if (!backlog.isEmpty()) {
            Cursor.Tick first = backlog.peekFirst();
            infoOf = first.run();
            info = runInfo(first.run()); // a new run for the engine: a fresh history
        }
    }

    @Override
    public Playback playback() {
        long tick = shown == null ? 0 : shown.n();
        long at = shown == null ? 0 : shown.atMs();
        String note = error != null ? error : recording.error() != null ? recording.error()
                : recording.truncated() ? "ends early: last line cut" : null;
        return new Playback(tick, Math.max(tick, recording.ticks()), at, SPEEDS[speed], playing,
                recording.indexed(), note, error() != null);
    }

    /** What went wrong that ends the replay (a garbled record), or null. */
    public String error() {
        return error != null ? error : recording.error();
    }

    @Override
    public void stop(Duration deadline) {
        playing = false;
    }

    @Override
    public void close() {
        cursor.close();
        recording.close();
    }
}
