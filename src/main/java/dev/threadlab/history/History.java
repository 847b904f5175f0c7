package dev.threadlab.history;

import dev.threadlab.probe.OutputLine;
import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the screen remembers of past ticks: each thread's states (the timeline), each pool's queue
 * depth, the counters one tick back (for rates and trends), and the last lines of output. Owned
 * by the UI thread: snapshots come in one at a time, in order.
 */
public final class History {
    /** Ticks of state kept per thread: wider than any screen. */
    public static final int TICKS = 512;
    static final int DEPTHS = 120;
    static final int OUTPUT_LINES = 500;

    private final Map<Long, StateStrip> strips = new HashMap<>();
    private final Map<String, long[]> depths = new LinkedHashMap<>();
    private final Deque<OutputLine> output = new ArrayDeque<>();
    private Snapshot latest;
    private Snapshot previous;
    private long tick = -1;

    public void record(Snapshot s) {
        tick++;
        previous = latest;
        latest = s;
        for (ThreadSample t : s.threads()) {
            strips.computeIfAbsent(t.id(), id -> new StateStrip()).record(tick, t.state(), t.cause());
        }
        if (tick % 64 == 0) {
            forgetThreadsGoneSince(tick - TICKS);
        }
        for (PoolSample p : s.pools()) {
            long[] ring = depths.computeIfAbsent(p.name(), n -> new long[DEPTHS]);
            ring[(int) (tick % DEPTHS)] = p.queued();
        }
        for (OutputLine line : s.output()) {
            output.addLast(line);
            if (output.size() > OUTPUT_LINES) {
                output.removeFirst();
            }
        }
    }

    private void forgetThreadsGoneSince(long oldest) {
        for (Iterator<StateStrip> it = strips.values().iterator(); it.hasNext(); ) {
            if (it.next().lastTick() < oldest) {
                it.remove();
            }
        }
    }

    /** Forgets everything: a new run starts. */
    public void clear() {
        strips.clear();
        depths.clear();
        output.clear();
        latest = null;
        previous = null;
        tick = -1;
    }

    public Snapshot latest() {
        return latest;
    }

    /** The snapshot before the latest, or null. */
    public Snapshot previous() {
        return previous;
    }

    /** The number of the latest tick, from 0; -1 before the first. */
    public long tick() {
        return tick;
    }

    public StateStrip strip(long threadId) {
        return strips.get(threadId);
    }

    /** A pool's queue depth over the last {@code n} ticks, oldest first (0 before it existed). */
    public long[] depths(String pool, int n) {
        long[] ring = depths.get(pool);
        int count = (int) Math.min(Math.min(n, DEPTHS), tick + 1);
        long[] out = new long[count];
        if (ring != null) {
            for (int i = 0; i < count; i++) {
                long t = tick - count + 1 + i;
                out[i] = ring[(int) (t % DEPTHS)];
            }
        }
        return out;
    }

    /** The last {@code n} lines of output, oldest first. */
    public List<OutputLine> output(int n) {
        List<OutputLine> all = new ArrayList<>(output);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    public int outputSize() {
        return output.size();
    }

    /** How fast a counter changed over the last tick, per second; NaN when it cannot tell. */
    public double ratePerSecond(String counter) {
        if (latest == null || previous == null) {
            return Double.NaN;
        }
        Number now = latest.counters().get(counter);
        Number before = previous.counters().get(counter);
        long dt = latest.tMs() - previous.tMs();
        if (now == null || before == null || dt <= 0) {
            return Double.NaN;
        }
        return (now.doubleValue() - before.doubleValue()) * 1000.0 / dt;
    }
}
