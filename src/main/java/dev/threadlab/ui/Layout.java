package dev.threadlab.ui;

import dev.threadlab.ui.ViewState.Focus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntBiFunction;

/**
 * Where each pane goes for a terminal size. Threads span the top; below, the timeline on the left
 * and the side panes (counters, lock waits, pools, output) on the right. When the side column is
 * too short for all four, the one in focus unfolds and the others fold to a one-line bar each, so
 * every pane stays in sight. Between 60x16 and 80x24 the bottom shows one pane at a time (Tab).
 */
public record Layout(Mode mode, Rect screen, Rect header, Rect footer, Rect lesson, Map<Focus, Rect> panes,
        Set<Focus> folded) {

    public enum Mode { FULL, REDUCED, TOO_SMALL }

    public static final int MIN_WIDTH = 60;
    public static final int MIN_HEIGHT = 16;
    public static final int FULL_WIDTH = 80;
    public static final int FULL_HEIGHT = 24;
    static final List<Focus> SIDE = List.of(Focus.COUNTERS, Focus.LOCKS, Focus.POOLS, Focus.OUTPUT);

    /**
     * @param preferred rows of content a pane would like (inside its box) at a given inner width
     */
    public static Layout of(int width, int height, ViewState view, ToIntBiFunction<Focus, Integer> preferred) {
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
        Rect lesson = new Rect(0, height - 1 - lessonRows, width, lessonRows);
        int bodyTop = 1;
        int bodyHeight = lesson.row() - bodyTop;

        int threadsWanted = preferred.applyAsInt(Focus.THREADS, width - 2) + 2;
        int threadsHeight = clamp(threadsWanted, 5, Math.max(5, bodyHeight * 45 / 100));
        panes.put(Focus.THREADS, new Rect(0, bodyTop, width, threadsHeight));
        Rect bottom = new Rect(0, bodyTop + threadsHeight, width, bodyHeight - threadsHeight);

        if (!full) {
            Focus shown = view.focus().side() ? view.focus() : Focus.TIMELINE;
            panes.put(shown, bottom);
            return new Layout(Mode.REDUCED, screen, header, footer, lesson, panes, folded);
        }
        int sideWidth = clamp(width * 36 / 100, 30, 60);
        panes.put(Focus.TIMELINE, new Rect(0, bottom.row(), width - sideWidth, bottom.height()));
        side(new Rect(width - sideWidth, bottom.row(), sideWidth, bottom.height()), view.unfolded(), preferred,
                panes, folded);
        return new Layout(Mode.FULL, screen, header, footer, lesson, panes, folded);
    }

    /**
     * Stacks the side panes in {@code area}. Each gets the rows it needs; if they all fit, the output
     * takes what is left. If not, the chosen pane opens, then the others in the order below while they
     * fit (the output first: its lines are often the lesson), and the rest fold to one line each.
     */
    private static void side(Rect area, Focus unfolded, ToIntBiFunction<Focus, Integer> preferred,
            Map<Focus, Rect> panes,
            Set<Focus> folded) {
        Map<Focus, Integer> want = new EnumMap<>(Focus.class);
        int total = 0;
        for (Focus f : SIDE) {
            int rows = preferred.applyAsInt(f, area.width() - 2);
            // A pane with nothing to show folds to its title line, unless it has the focus.
            int h = rows == 0 && f != unfolded ? 1 : Math.max(1, rows) + 2;
            want.put(f, h);
            total += h;
        }
        Map<Focus, Integer> heights = new EnumMap<>(Focus.class);
        want.forEach((f, h) -> {
            if (h == 1) {
                folded.add(f);
            }
        });
        if (total <= area.height()) {
            heights.putAll(want);
        } else {
            int room = area.height() - (SIDE.size() - 1); // a line for each other pane, folded
            int open = Math.min(room, want.get(unfolded));
            heights.put(unfolded, open);
            room -= open;
            for (Focus f : List.of(Focus.OUTPUT, Focus.COUNTERS, Focus.LOCKS, Focus.POOLS)) {
                if (f == unfolded) {
                    continue;
                }
                int extra = (f == Focus.OUTPUT ? Math.min(want.get(f), 6) : want.get(f)) - 1;
                if (extra > 0 && extra <= room) {
                    heights.put(f, extra + 1);
                    room -= extra;
                } else {
                    heights.put(f, 1);
                    folded.add(f);
                }
            }
            // Rows still spare: rather the first lines of a folded pane than blank lines in the open one.
            for (Focus f : List.of(Focus.OUTPUT, Focus.LOCKS, Focus.COUNTERS, Focus.POOLS)) {
                if (room >= 2 && folded.contains(f) && want.get(f) > 1) {
                    heights.put(f, 1 + room);
                    folded.remove(f);
                    room = 0;
                }
            }
        }
        // Whatever is left goes to the output if it is open, else to the chosen pane.
        int used = heights.values().stream().mapToInt(Integer::intValue).sum();
        Focus grows = folded.contains(Focus.OUTPUT) ? unfolded : Focus.OUTPUT;
        heights.put(grows, heights.get(grows) + area.height() - used);
        int row = area.row();
        for (Focus f : SIDE) {
            int h = heights.get(f);
            panes.put(f, new Rect(area.col(), row, area.width(), h));
            row += h;
        }
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
