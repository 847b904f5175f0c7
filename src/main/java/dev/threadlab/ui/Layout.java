package dev.threadlab.ui;

import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.ui.ViewState.Focus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntBiFunction;

/**
 * Where each pane goes for a terminal size. Threads span the top; below, the timeline on the left
 * and the side panes (counters, lock waits, pools, output) on the right. When the side column is
 * too short for all four, the one in focus unfolds and the others fold to a one-line bar each, so
 * every pane stays in sight; the panes the lesson is about stay open. Between 60x16 and 80x24 the
 * bottom shows one pane at a time (Tab), the lesson's first.
 */
public record Layout(Mode mode, Rect screen, Rect header, Rect footer, Rect lesson, Map<Focus, Rect> panes,
        Set<Focus> folded) {

    public enum Mode { FULL, REDUCED, TOO_SMALL }

    public static final int MIN_WIDTH = 60;
    public static final int MIN_HEIGHT = 16;
    public static final int FULL_WIDTH = 80;
    public static final int FULL_HEIGHT = 24;
    static final List<Focus> SIDE = Focus.sidePanes();

    /** Rows below the thread list a lesson about the threads still leaves for the timeline and side panes. */
    static final int BOTTOM_FOR_THREADS_LESSON = 10;
    /** Rows beyond its title line kept for each lesson pane while the ones before it open: three of content. */
    static final int KEPT_ROWS = 4;

    /**
     * @param preferred rows of content a pane would like (inside its box) at a given inner width
     */
    public static Layout of(int width, int height, ViewState view, ToIntBiFunction<Focus, Integer> preferred) {
        return of(width, height, view, List.of(), preferred);
    }

    /**
     * @param lesson    the panes the lesson is about, most important first: they stay open, the others fold first
     * @param preferred rows of content a pane would like (inside its box) at a given inner width
     */
    public static Layout of(int width, int height, ViewState view, List<Focus> lesson,
            ToIntBiFunction<Focus, Integer> preferred) {
        Rect screen = new Rect(0, 0, width, height);
        Map<Focus, Rect> panes = new EnumMap<>(Focus.class);
        Set<Focus> folded = EnumSet.noneOf(Focus.class);
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            return new Layout(Mode.TOO_SMALL, screen, null, null, null, panes, folded);
        }
        boolean full = width >= FULL_WIDTH && height >= FULL_HEIGHT;
        Rect header = new Rect(0, 0, width, 1);
        Rect footer = new Rect(0, height - 1, width, 1);
        int lessonRows = !full ? 1 : height >= 40 ? 3 : 2;
        Rect lessonLine = new Rect(0, height - 1 - lessonRows, width, lessonRows);
        int bodyTop = 1;
        int bodyHeight = lessonLine.row() - bodyTop;

        int threadsWanted = preferred.applyAsInt(Focus.THREADS, width - 2) + 2;
        int threadsMost = bodyHeight * 45 / 100;
        if (full && lesson.contains(Focus.THREADS)) {
            threadsMost = Math.max(threadsMost, bodyHeight - BOTTOM_FOR_THREADS_LESSON); // every thread in the list
        }
        int threadsHeight = clamp(threadsWanted, 5, Math.max(5, threadsMost));
        panes.put(Focus.THREADS, new Rect(0, bodyTop, width, threadsHeight));
        Rect bottom = new Rect(0, bodyTop + threadsHeight, width, bodyHeight - threadsHeight);

        if (!full) {
            Focus shown = view.focus().side() || view.focus() == Focus.TIMELINE ? view.focus()
                    : lesson.stream().filter(Focus::side).findFirst().orElse(Focus.TIMELINE);
            panes.put(shown, bottom);
            return new Layout(Mode.REDUCED, screen, header, footer, lessonLine, panes, folded);
        }
        int sideWidth = clamp(width * 36 / 100, 30, 60);
        panes.put(Focus.TIMELINE, new Rect(0, bottom.row(), width - sideWidth, bottom.height()));
        side(new Rect(width - sideWidth, bottom.row(), sideWidth, bottom.height()), openingOrder(view, lesson),
                lesson, preferred, panes, folded);
        return new Layout(Mode.FULL, screen, header, footer, lessonLine, panes, folded);
    }

    /**
     * Which side pane gets room first: the one the person chose with Tab (or a deadlock chose),
     * then the lesson's, then the rest in the table's opening order.
     */
    private static List<Focus> openingOrder(ViewState view, List<Focus> lesson) {
        List<Focus> order = new ArrayList<>();
        if (view.unfolded() != null) {
            order.add(view.unfolded());
        }
        lesson.stream().filter(Focus::side).forEach(order::add);
        order.addAll(Focus.byOpening());
        return order.stream().distinct().toList();
    }

    /**
     * Stacks the side panes in {@code area}. Each gets the rows it needs; if they all fit, the output
     * takes what is left. If not, the panes open in {@code order} while they fit (the first and the
     * lesson's with what is left, the others only whole), and the rest fold to one line each.
     */
    private static void side(Rect area, List<Focus> order, List<Focus> lesson,
            ToIntBiFunction<Focus, Integer> preferred, Map<Focus, Rect> panes, Set<Focus> folded) {
        Focus first = order.get(0);
        Map<Focus, Integer> want = new EnumMap<>(Focus.class);
        int total = 0;
        for (Focus f : SIDE) {
            int rows = preferred.applyAsInt(f, area.width() - 2);
            boolean kept = f == first || lesson.contains(f);
            // A pane with nothing to show folds to its title line, unless it has the focus or the lesson's.
            int h = rows == 0 && !kept ? 1 : Math.max(1, rows) + 2;
            want.put(f, h);
            total += h;
        }
        Map<Focus, Integer> heights = new EnumMap<>(Focus.class);
        if (total <= area.height()) {
            heights.putAll(want);
            want.forEach((f, h) -> {
                if (h == 1) {
                    folded.add(f);
                }
            });
        } else {
            int room = area.height() - SIDE.size(); // each pane has at least its title line
            Map<Focus, Integer> reserved = new EnumMap<>(Focus.class); // a few rows for each kept pane still to come
            for (Focus f : order) {
                if (f == first || lesson.contains(f)) {
                    reserved.put(f, Math.min(want.get(f) - 1, KEPT_ROWS));
                }
            }
            for (Focus f : order) {
                boolean kept = reserved.containsKey(f);
                int extra = (kept ? want.get(f) : Math.min(want.get(f), f.most())) - 1;
                reserved.remove(f);
                int later = reserved.values().stream().mapToInt(Integer::intValue).sum();
                int give = kept ? Math.min(extra, Math.max(KEPT_ROWS, room - later))
                        : extra + later <= room ? extra : 0;
                give = Math.min(give, room);
                if (give >= 2) { // a box shows a row from three lines up
                    heights.put(f, give + 1);
                    room -= give;
                } else {
                    heights.put(f, 1);
                    folded.add(f);
                }
            }
            // Rows still spare: rather the first lines of a folded pane than blank lines in an open one.
            for (Focus f : Focus.bySpare()) {
                if (room >= 2 && folded.contains(f) && want.get(f) > 1) {
                    heights.put(f, 1 + room);
                    folded.remove(f);
                    room = 0;
                }
            }
        }
        // Whatever is left goes to the pane that takes the rest if it is open, else to the first open pane.
        int used = heights.values().stream().mapToInt(Integer::intValue).sum();
        Focus grows = SIDE.stream().filter(f -> f.takesRest() && !folded.contains(f)).findFirst()
                .orElseGet(() -> order.stream().filter(f -> !folded.contains(f)).findFirst().orElse(first));
        heights.put(grows, heights.get(grows) + area.height() - used);
        int row = area.row();
        for (Focus f : SIDE) {
            int h = heights.get(f);
            panes.put(f, new Rect(area.col(), row, area.width(), h));
            row += h;
        }
    }

    /** The lesson's panes of a scenario entry, as the screen names them (none when watching another JVM). */
    public static List<Focus> lessonPanes(ScenarioEntry entry) {
        if (entry == null) {
            return List.of();
        }
        return entry.focus().panes().stream().map(p -> Focus.valueOf(p.toUpperCase(Locale.ROOT))).toList();
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Rows of list a pane has inside its box (0 if it is not on screen). */
    public int listRows(Focus f) {
        Rect r = panes.get(f);
        return r == null || folded.contains(f) ? 0 : Math.max(0, r.height() - 2);
    }
}
