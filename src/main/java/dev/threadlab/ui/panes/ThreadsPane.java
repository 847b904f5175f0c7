package dev.threadlab.ui.panes;

import dev.threadlab.probe.ThreadSample;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;
import dev.threadlab.ui.Theme.Style;
import dev.threadlab.ui.ViewState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One row a thread: name, state in its colour, CPU%, blocks and waits this tick, the lock it wants and who holds it. */
public final class ThreadsPane implements Pane {

    /**
     * A column: header, width range, alignment, what it shows, and its rank when room is short
     * (lower ranks stay longest). A column is one line here.
     */
    record Column(String header, int min, int max, boolean right, int rank, Function<ThreadSample, String> text) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("NAME", 8, 24, false, 0, ThreadSample::name),
            new Column("STATE", 13, 13, false, 1, t -> t.state().name()),
            new Column("CPU%", 5, 5, true, 3, t -> Format.percent(t.cpuPercent())),
            new Column("BLK/t", 5, 6, true, 4, t -> t.blockedDelta() == 0 ? "" : Long.toString(t.blockedDelta())),
            new Column("WAIT/t", 6, 6, true, 6, t -> t.waitedDelta() == 0 ? "" : Long.toString(t.waitedDelta())),
            new Column("D", 1, 1, false, 7, t -> t.daemon() ? "d" : ""),
            new Column("WAITS FOR", 10, 40, false, 2, t -> t.lock() == null ? "" : t.lock()),
            new Column("HELD BY", 8, 24, false, 5, t -> t.lockOwner() == null ? "" : t.lockOwner()));

    @Override
    public String title(Frame f) {
        return "Threads";
    }

    @Override
    public String summary(Frame f) {
        ViewState v = f.view();
        int total = f.snapshot() == null ? 0 : f.snapshot().liveThreads();
        StringBuilder s = new StringBuilder();
        boolean ours = f.rows().stream().anyMatch(ThreadSample::scenario);
        s.append(f.rows().size()).append(v.allThreads() ? " shown, " + total + " live in the JVM"
                : ours ? " scenario threads" : " JVM threads");
        if (v.sort() != ViewState.Sort.NATURAL) {
            s.append(" ").append(f.view().sort().label()).append(" order");
        }
        if (!v.filter().isEmpty()) {
            s.append(" matching '").append(v.filter()).append("'");
        }
        return s.toString();
    }

    @Override
    public int preferredRows(Frame f, int width) {
        return f.rows().size() + 1;
    }

    /**
     * The columns that fit in {@code width}, each with the width it gets; the name column grows no
     * wider than the longest name, so the lock columns get the room.
     */
    static List<int[]> fit(int width, int longestName) {
        List<Column> byRank = new ArrayList<>(COLUMNS);
        byRank.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        boolean[] shown = new boolean[COLUMNS.size()];
        int used = 1; // the selection marker
        for (Column c : byRank) {
            int min = c == COLUMNS.get(0) ? Math.max(c.min(), Math.min(16, longestName)) : c.min();
            int need = min + 1;
            if (used + need <= width) {
                shown[COLUMNS.indexOf(c)] = true;
                used += need;
            }
        }
        int[] widths = new int[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            int min = i == 0 ? Math.max(COLUMNS.get(0).min(), Math.min(16, longestName)) : COLUMNS.get(i).min();
            widths[i] = shown[i] ? min : 0;
        }
        int spare = width - used;
        for (int pass = 0; pass < 2 && spare > 0; pass++) {
            for (int i = 0; i < COLUMNS.size() && spare > 0; i++) {
                if (shown[i]) {
                    int max = i == 0 && pass == 0 ? Math.min(COLUMNS.get(i).max(), longestName) : COLUMNS.get(i).max();
                    int grow = Math.max(0, Math.min(spare, max - widths[i]));
                    widths[i] += grow;
                    spare -= grow;
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (shown[i]) {
                out.add(new int[] {i, widths[i]});
            }
        }
        return out;
    }

    @Override
    public void render(Frame f, Canvas c, Rect area) {
        if (area.isEmpty()) {
            return;
        }
        List<ThreadSample> rows = f.rows();
        List<int[]> cols = fit(area.width(), rows.stream().mapToInt(t -> t.name().length()).max().orElse(8));
        StringBuilder header = new StringBuilder(" ");
        for (int[] col : cols) {
            Column k = COLUMNS.get(col[0]);
            header.append(Format.cell(k.header(), col[1], k.right())).append(' ');
        }
        c.line(area, 0, 0, header.toString(), c.theme().bold());
        int visible = area.height() - 1;
        int top = Math.max(0, Math.min(f.view().threadsTop(), rows.size() - visible));
        boolean focused = f.view().focus() == ViewState.Focus.THREADS;
        for (int i = 0; i < visible && top + i < rows.size(); i++) {
            ThreadSample t = rows.get(top + i);
            int row = area.row() + 1 + i;
            boolean selected = t.id() == f.view().selectedId();
            Style base = selected && focused ? c.theme().selected() : c.theme().plain();
            if (selected && focused) {
                c.fill(new Rect(area.col(), row, area.width(), 1), ' ', base);
            }
            c.text(area.col(), row, selected ? c.glyphs().pointer() : " ", 1, base);
            int x = area.col() + 1;
            for (int[] col : cols) {
                Column k = COLUMNS.get(col[0]);
                String raw = k.text().apply(t);
                String text = k.header().equals("NAME") || k.header().equals("HELD BY")
                        ? c.glyphs().fitName(raw, col[1]) : c.glyphs().fit(raw, col[1]);
                Style style = k.header().equals("STATE") && !(selected && focused) ? c.theme().state(t.cause()) : base;
                c.text(x, row, Format.cell(text, col[1], k.right()), col[1], style);
                x += col[1] + 1;
            }
        }
        if (rows.isEmpty()) {
            c.line(area, 1, 1, f.view().filter().isEmpty() ? "no threads yet" : "no thread matches the filter",
                    c.theme().dim());
        }
    }
}
