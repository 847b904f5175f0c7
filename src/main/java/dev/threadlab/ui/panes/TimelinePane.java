package dev.threadlab.ui.panes;

import dev.threadlab.history.History;
import dev.threadlab.history.StateStrip;
import dev.threadlab.probe.Cause;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;
import java.util.List;

/**
 * One strip a thread, one cell a tick, newest on the right: the state's letter in the state's
 * colour. This is where NEW → RUNNABLE → BLOCKED/WAITING → TERMINATED can be watched.
 */
public final class TimelinePane implements Pane {
    /** The legend: each letter once, in its colour. */
    private static final Object[][] LEGEND = {
        {'n', Cause.NEW, "new"}, {'R', Cause.RUNNING, "run"}, {'R', Cause.NATIVE, "I/O"},
        {'B', Cause.MONITOR, "blocked"}, {'W', Cause.WAITING, "wait"}, {'W', Cause.PARKED, "park"},
        {'S', Cause.SLEEPING, "sleep"}, {'T', Cause.PARKED, "timed"}, {'.', Cause.TERMINATED, "end"}};

    @Override
    public String title(Frame f) {
        return "Timeline";
    }

    /** The legend in lines of at most {@code width}: on one line if it fits, else on up to {@code most}. */
    static List<List<Object[]>> legendLines(int width, int most) {
        List<List<Object[]>> lines = new java.util.ArrayList<>();
        List<Object[]> line = new java.util.ArrayList<>();
        int used = 0;
        for (Object[] item : LEGEND) {
            int w = ((String) item[2]).length() + 3;
            if (used + w > width) {
                if (lines.size() + 1 == most) {
                    break; // no more room: the help overlay has the whole legend
                }
                lines.add(line);
                line = new java.util.ArrayList<>();
                used = 0;
            }
            line.add(item);
            used += w;
        }
        lines.add(line);
        return lines;
    }

    @Override
    public String summary(Frame f) {
        return "one cell a tick, newest right";
    }

    @Override
    public int preferredRows(Frame f, int width) {
        return f.rows().size() + 1;
    }

    @Override
    public void render(Frame f, Canvas c, Rect area) {
        if (area.isEmpty()) {
            return;
        }
        History h = f.history();
        List<ThreadSample> rows = f.rows();
        List<List<Object[]>> legend = legendLines(area.width(), area.height() >= 6 ? 2 : 1);
        int strips = area.height() >= 2 ? area.height() - legend.size() : area.height();
        int label = Math.min(14, Math.max(6, rows.stream().mapToInt(t -> t.name().length()).max().orElse(6)));
        label = Math.min(label, area.width() / 3);
        int cells = area.width() - label - 1;
        long now = h.tick();
        int top = Math.max(0, Math.min(f.view().threadsTop(), rows.size() - strips));
        for (int i = 0; i < strips && top + i < rows.size(); i++) {
            ThreadSample t = rows.get(top + i);
            int row = area.row() + i;
            boolean selected = t.id() == f.view().selectedId();
            c.text(area.col(), row, Format.cell(c.glyphs().fitName(t.name(), label), label, false), label,
                    selected ? c.theme().bold() : c.theme().plain());
            StateStrip strip = h.strip(t.id());
            for (int k = 0; k < cells; k++) {
                long tick = now - cells + 1 + k;
                int col = area.col() + label + 1 + k;
                if (strip != null && tick >= 0 && strip.has(tick)) {
                    Cause cause = strip.cause(tick);
                    c.put(col, row, Cause.letter(strip.state(tick), cause), c.theme().cell(cause));
                } else {
                    c.put(col, row, ' ', c.theme().plain());
                }
            }
        }
        if (rows.isEmpty()) {
            c.line(area, 0, 0, "no threads yet", c.theme().dim());
        }
        if (area.height() >= 2) {
            for (int i = 0; i < legend.size(); i++) {
                int row = area.bottom() - legend.size() + i;
                int x = area.col();
                for (Object[] item : legend.get(i)) {
                    String word = (String) item[2];
                    c.put(x, row, (Character) item[0], c.theme().cell((Cause) item[1]));
                    x += 1 + c.text(x + 1, row, " " + word + " ", word.length() + 2, c.theme().dim());
                }
            }
        }
    }
}
