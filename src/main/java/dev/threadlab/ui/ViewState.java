package dev.threadlab.ui;

import dev.threadlab.history.History;
import dev.threadlab.ui.panes.CountersPane;
import dev.threadlab.ui.panes.LockWaitsPane;
import dev.threadlab.ui.panes.OutputPane;
import dev.threadlab.ui.panes.Pane;
import dev.threadlab.ui.panes.PoolsPane;
import dev.threadlab.ui.panes.ThreadsPane;
import dev.threadlab.ui.panes.TimelinePane;
import dev.threadlab.probe.StackSample;
import dev.threadlab.watch.Playback;
import dev.threadlab.watch.RunInfo;
import java.time.Duration;

/**
 * The one state the dashboard draws from: what the engine told (the run, its history, the link), and
 * what the person at the keyboard chose (focus, selection, filter, sort, the overlay open, pause and
 * interval). Keys and engine events change it; drawing only reads it. Only the screen's thread touches it.
 */
public final class ViewState {

    /**
     * The panes, in one table: adding a pane is one entry here (and its file in {@code panes/}). The
     * order of the side panes is the order they stack in; the ranks say which gets room first when the
     * side column is short ({@code open}), which takes rows left spare ({@code spare}), how many rows it
     * takes when it is not the one chosen ({@code most}), and whether it takes what is left at the end.
     */
    public enum Focus {
        THREADS("Threads", false, ThreadsPane::new, 0, 0, Integer.MAX_VALUE, false),
        TIMELINE("Timeline", false, TimelinePane::new, 0, 0, Integer.MAX_VALUE, false),
        COUNTERS("Counters", true, CountersPane::new, 0, 2, Integer.MAX_VALUE, false),
        LOCKS("Lock waits", true, LockWaitsPane::new, 2, 1, Integer.MAX_VALUE, false),
        POOLS("Pools", true, PoolsPane::new, 3, 3, Integer.MAX_VALUE, false),
        // Its lines are often the lesson: open early, and it takes the rows left at the end.
        OUTPUT("Output", true, OutputPane::new, 1, 0, 6, true);

        private final String title;
        private final boolean side;
        private final java.util.function.Supplier<Pane> pane;
        private final int open;
        private final int spare;
        private final int most;
        private final boolean takesRest;

        Focus(String title, boolean side, java.util.function.Supplier<Pane> pane, int open, int spare, int most,
                boolean takesRest) {
            this.title = title;
            this.side = side;
            this.pane = pane;
            this.open = open;
            this.spare = spare;
            this.most = most;
            this.takesRest = takesRest;
        }

        public String title() {
            return title;
        }

        /** In the side column (else above it: the thread list, the timeline). */
        public boolean side() {
            return side;
        }

        /** A new instance of the pane that draws it. */
        public Pane newPane() {
            return pane.get();
        }

        /** Rows (its box included) it takes when the side column is short and it is neither chosen nor the lesson's. */
        public int most() {
            return most;
        }

        /** It takes the rows left over once every side pane has its own. */
        public boolean takesRest() {
            return takesRest;
        }

        /** The side panes, in the order they stack. */
        public static java.util.List<Focus> sidePanes() {
            return java.util.Arrays.stream(values()).filter(Focus::side).toList();
        }

        /** The side panes in the order they get room when the column is short. */
        public static java.util.List<Focus> byOpening() {
            return sidePanes().stream().sorted(java.util.Comparator.comparingInt(f -> f.open)).toList();
        }

        /** The folded side panes in the order they take rows left spare. */
        public static java.util.List<Focus> bySpare() {
            return sidePanes().stream().sorted(java.util.Comparator.comparingInt(f -> f.spare)).toList();
        }
    }

    public enum Sort {
        NATURAL("natural"), NAME("name"), STATE("state"), CPU("cpu");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Overlay { NONE, HELP, STACK, PICKER, LESSON }

    Focus focus = Focus.THREADS;
    /** The side pane that gets the room when the side column is too short for all of them; null: the lesson's. */
    Focus unfolded;
    long selectedId = -1;
    int selectedRow;
    int threadsTop;
    int outputBack;
    boolean allThreads;
    String filter = "";
    boolean editingFilter;
    final StringBuilder filterDraft = new StringBuilder();
    Sort sort = Sort.NATURAL;
    Overlay overlay = Overlay.NONE;
    int pickerRow;
    long stackThreadId = -1;
    String stackThreadName = "";
    StackSample stack;
    boolean stackLoading;
    int stackTop;
    String caption = "";
    /** Something wrong right now (a watched JVM's link dropped), shown until it is mended; or empty. */
    String banner = "";
    String flash = "";
    long flashUntilNanos;

    // ---- what the engine told
    final History history = new History();
    /** The run the history belongs to; -1 before the first. */
    long generation = -1;
    /** What runs (the scenario and its parameters, or the JVM watched), or null before anything does. */
    RunInfo run;
    boolean deadlockShown;
    /** Runs asked for that have not begun yet: until then, what is on screen is the run before. */
    int pendingRuns;

    // ---- the session's settings, as asked for
    Duration interval;
    boolean paused;
    /** This dashboard runs scenarios (it is not watching another JVM, nor a recording). */
    final boolean scenarios;
    /** Where a replay is, or null on a live watch. */
    Playback replay;

    // ---- the terminal
    int width = 80;
    int height = 24;
    boolean quit;
    /** The next refresh repaints every cell (^L). */
    boolean redrawAll;

    public ViewState(boolean scenarios, Duration interval) {
        this.scenarios = scenarios;
        this.interval = interval;
    }

    public History history() {
        return history;
    }

    public RunInfo run() {
        return run;
    }

    public Duration interval() {
        return interval;
    }

    public boolean paused() {
        return paused;
    }

    public boolean scenarios() {
        return scenarios;
    }

    /** Where a replay is, or null on a live watch. */
    public Playback replay() {
        return replay;
    }

    public Focus focus() {
        return focus;
    }

    public Focus unfolded() {
        return unfolded;
    }

    public long selectedId() {
        return selectedId;
    }

    public int threadsTop() {
        return threadsTop;
    }

    public boolean allThreads() {
        return allThreads;
    }

    public String filter() {
        return filter;
    }

    public boolean editingFilter() {
        return editingFilter;
    }

    public String filterDraft() {
        return filterDraft.toString();
    }

    public Sort sort() {
        return sort;
    }

    public Overlay overlay() {
        return overlay;
    }

    public int pickerRow() {
        return pickerRow;
    }

    public String stackThreadName() {
        return stackThreadName;
    }

    public StackSample stack() {
        return stack;
    }

    public boolean stackLoading() {
        return stackLoading;
    }

    public int stackTop() {
        return stackTop;
    }

    public int outputBack() {
        return outputBack;
    }

    public String banner() {
        return banner;
    }

    /** The autopilot's line for the audience, or empty. */
    public String caption() {
        return caption;
    }

    /** A short message in the header ("restarted", "interval 500ms"), shown for a couple of seconds. */
    public String flash(long nowNanos) {
        return nowNanos < flashUntilNanos ? flash : "";
    }

    void flash(String message, long nowNanos) {
        flash = message;
        flashUntilNanos = nowNanos + 2_000_000_000L;
    }
}
