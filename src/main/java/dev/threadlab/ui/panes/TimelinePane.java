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
        {'n', Cause.NEW, "new"}, {'R', Cause.RUNNING, "run"}, {'B', Cause.MONITOR, "blocked"},
        {'W', Cause.WAITING, "wait"}, {'W', Cause.PARKED, "parked"}, {'S', Cause.SLEEPING, "sleep"},
        {'T', Cause.PARKED, "timed"}, {'.', Cause.TERMINATED, "ended"}};

    @Override
    public String title(Frame f) {
        return "Timeline";
    }

    @Override
    public String summary(Frame f) {
        return "one cell a tick, newest right";
    }

    @Override
    public int preferredRows(Frame f) {
        return f.rows().size() + 1;
    }

    @Override
    public void render(Frame f, Canvas c, Rect area) {
        if (area.isEmpty()) {
            return;
        }
        History h = f.history();
        List<ThreadSample> rows = f.rows();
        boolean legend = area.height() >= 2;
        int strips = legend ? area.height() - 1 : area.height();
        int label = Math.min(14, Math.max(6, rows.stream().mapToInt(t -> t.name().length()).max().orElse(6)));
        label = Math.min(label, area.width() / 3);
        int cells = area.width() - label - 1;
        long now = h.tick();
        int top = Math.max(0, Math.min(f.view().threadsTop(), rows.size() - strips));
        for (int i = 0; i < strips && top + i < rows.size(); i++) {
            ThreadSample t = rows.get(top + i);
            int row = area.row() + i;
            boolean selected = t.id() == f.view().selectedId();
            c.text(area.col(), row, Format.cell(c.glyphs().fit(t.name(), label), label, false), label,
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
        if (legend) {
            int row = area.bottom() - 1;
            int x = area.col();
            for (Object[] item : LEGEND) {
                String word = (String) item[2];
                if (x + word.length() + 3 > area.right()) {
                    break;
                }
                c.put(x, row, (Character) item[0], c.theme().cell((Cause) item[1]));
                c.text(x + 1, row, " " + word + " ", word.length() + 2, c.theme().dim());
                x += word.length() + 3;
            }
        }
    }
}
