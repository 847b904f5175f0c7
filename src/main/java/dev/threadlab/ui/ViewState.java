package dev.threadlab.ui;

import dev.threadlab.history.History;
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

    public enum Focus {
        THREADS("Threads"), TIMELINE("Timeline"), COUNTERS("Counters"), LOCKS("Lock waits"), POOLS("Pools"),
        OUTPUT("Output");

        private final String title;

        Focus(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public boolean side() {
            return ordinal() >= COUNTERS.ordinal();
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
