package dev.threadlab.ui.panes;

import dev.threadlab.probe.OutputLine;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scenario's threads printed, newest at the bottom, each line with its time and thread. A
 * line too long for the pane wraps under its text rather than being cut: its end is often the point.
 */
public final class OutputPane implements Pane {
    /** Lines the pane asks room for at most. */
    static final int MOST_ROWS = 12;

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
        List<OutputLine> lines = f.history().output(MOST_ROWS);
        int indent = indent(lines, width);
        int rows = 0;
        for (OutputLine l : lines) {
            rows += wrap(l.text(), width - indent).size();
        }
        return Math.max(3, Math.min(MOST_ROWS, rows));
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
        int threadWidth = threadWidth(lines, area.width());
        int indent = indent(lines, area.width());
        // Newest at the bottom: lay out from the last line up until the rows run out.
        int row = area.height();
        for (int i = lines.size() - 1; i >= 0 && row > 0; i--) {
            OutputLine l = lines.get(i);
            List<String> parts = wrap(l.text(), area.width() - indent);
            int first = row - parts.size();
            for (int k = parts.size() - 1; k >= 0; k--) {
                if (first + k >= 0) {
                    c.line(area, first + k, indent, parts.get(k), c.theme().plain());
                }
            }
            if (first >= 0) {
                int x = 0;
                if (wide) {
                    x += c.line(area, first, x, Format.stamp(l.tMs()) + " ", c.theme().dim());
                }
                c.line(area, first, x, Format.cell(c.glyphs().fitName(l.thread(), threadWidth), threadWidth, false)
                        + " ", c.theme().bold());
            }
            row = first;
        }
    }

    private static int threadWidth(List<OutputLine> lines, int width) {
        return Math.min(width >= 40 ? 14 : 10, lines.stream().mapToInt(l -> l.thread().length()).max().orElse(4));
    }

    /** Where the text starts: after the time (when there is room for it) and the thread. */
    private static int indent(List<OutputLine> lines, int width) {
        return (width >= 40 ? Format.stamp(0).length() + 1 : 0) + threadWidth(lines, width) + 1;
    }

    /** {@code text} in pieces of at most {@code width}, broken after a space where there is one. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        if (width < 8) {
            out.add(text); // too narrow to wrap usefully: cut as before
            return out;
        }
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut < width / 2) {
                cut = width;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }
}
