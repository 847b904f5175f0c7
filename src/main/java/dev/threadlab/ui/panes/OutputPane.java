package dev.threadlab.ui.panes;

import dev.threadlab.probe.OutputLine;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;
import java.util.List;

/** What the scenario's threads printed, newest at the bottom, each line with its time and thread. */
public final class OutputPane implements Pane {

    @Override
    public String title(Frame f) {
        return "Output";
    }

    @Override
    public String summary(Frame f) {
        int n = f.history().outputSize();
        return n == 0 ? "" : n + (n == 1 ? " line" : " lines");
    }

    @Override
    public int preferredRows(Frame f, int width) {
        return Math.max(3, Math.min(12, f.history().outputSize()));
    }

    @Override
    public void render(Frame f, Canvas c, Rect area) {
        int back = Math.max(0, Math.min(f.view().outputBack(), f.history().outputSize() - area.height()));
        List<OutputLine> lines = f.history().output(area.height() + back);
        lines = lines.subList(0, Math.max(0, lines.size() - back));
        if (lines.isEmpty()) {
            c.line(area, 0, 0, "nothing printed yet", c.theme().dim());
            return;
        }
        boolean wide = area.width() >= 40;
        int threadWidth = Math.min(wide ? 14 : 10, lines.stream().mapToInt(l -> l.thread().length()).max().orElse(4));
        for (int i = 0; i < lines.size() && i < area.height(); i++) {
            OutputLine l = lines.get(i);
            int x = 0;
            if (wide) {
                x += c.line(area, i, x, Format.stamp(l.tMs()) + " ", c.theme().dim());
            }
            x += c.line(area, i, x, Format.cell(c.glyphs().fitName(l.thread(), threadWidth), threadWidth, false) + " ",
                    c.theme().bold());
            c.line(area, i, x, l.text(), c.theme().plain());
        }
    }
}
