package dev.threadlab.report;

import dev.threadlab.probe.OutputLine;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.watch.Event;
import dev.threadlab.watch.RunInfo;
import dev.threadlab.watch.Sink;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * An engine's events as JSON lines: the headless output (every sample whole) or a recording made with
 * {@code --save} (a whole sample every {@link #KEYFRAME_EVERY} ticks and after each new run, deltas in
 * between, runs, stacks and links). A writer that fails (a full disk, a gone directory, a closed pipe)
 * says so once and writes no more; the watch goes on.
 */
public final class JsonSink implements Sink {
    /** Ticks between whole samples in a compact recording: where a seek can start reading. */
    public static final int KEYFRAME_EVERY = 40;

    private final JsonLines out;
    private final boolean compact;
    private final Consumer<UncheckedIOException> failed;
    private final Runnable keyframeStarts;
    private boolean headerWritten;
    private Snapshot previous;
    private int sinceKeyframe;
    private boolean broken;

    /**
     * @param compact        a recording: deltas between keyframes, and run, stack and link records
     * @param keyframeStarts told before each whole sample (a gzip recording starts a new member there)
     * @param failed         told once, when writing fails
     */
    public JsonSink(JsonLines out, boolean compact, Runnable keyframeStarts, Consumer<UncheckedIOException> failed) {
        this.out = out;
        this.compact = compact;
        this.keyframeStarts = keyframeStarts;
        this.failed = failed;
    }

    /** The headless output: every sample whole, each line flushed. */
    public static JsonSink headless(JsonLines out, Consumer<UncheckedIOException> failed) {
        return new JsonSink(out, false, () -> { }, failed);
    }

    @Override
    public void on(Event event) {
        if (broken) {
            return;
        }
        try {
            write(event);
        } catch (UncheckedIOException e) {
            broken = true;
            failed.accept(e);
        }
    }

    private void write(Event event) {
        if (event instanceof Event.Began b) {
            RunInfo r = b.run();
            String scenario = r.entry() == null ? null : r.entry().id();
            if (!headerWritten) {
                headerWritten = true;
                out.header(r.kind(), r.target(), r.jdk(), b.interval(), scenario, r.params());
            }
            if (compact) {
                out.run(b.generation(), b.atMs(), r.kind(), r.target(), r.jdk(), scenario, r.params());
            }
            previous = null;
        } else if (event instanceof Event.Sampled s) {
            sampled(s.snapshot());
        } else if (event instanceof Event.StackRead st && compact) {
            out.stack(st.stack());
            out.flush();
        } else if (event instanceof Event.LinkLost l && compact) {
            out.link("lost", l.reason());
            out.flush();
        } else if (event instanceof Event.Ended e) {
            out.summary(e.last());
            out.flush();
        } else if (event instanceof Event.Over) {
            out.flush();
        }
    }

    private void sampled(Snapshot s) {
        boolean whole = !compact || previous == null || sinceKeyframe >= KEYFRAME_EVERY;
        if (compact && whole) {
            out.flush();
            keyframeStarts.run(); // before the tick's output, so a seek to this keyframe reads all of its tick
            sinceKeyframe = 0;
        }
        for (OutputLine line : s.output()) {
            out.output(line);
        }
        if (whole) {
            out.sample(s);
        } else {
            out.delta(previous, s);
        }
        sinceKeyframe++;
        previous = s;
        out.flush();
    }
}
