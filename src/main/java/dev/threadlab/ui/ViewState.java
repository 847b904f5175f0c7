package dev.threadlab.ui;

import java.lang.management.ThreadInfo;

/**
 * What the person at the keyboard chose: which pane has focus, which thread is selected, the
 * filter, the sort, the overlay that is open. Only the screen's thread touches it.
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
    ThreadInfo stack;
    boolean stackLoading;
    int stackTop;
    String caption = "";
    /** Something wrong right now (a watched JVM's link dropped), shown until it is mended; or empty. */
    String banner = "";
    String flash = "";
    long flashUntilNanos;

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

    public ThreadInfo stack() {
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
