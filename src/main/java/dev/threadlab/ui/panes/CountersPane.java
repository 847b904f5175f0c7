package dev.threadlab.ui.panes;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;
import java.util.List;
import java.util.Map;

/** The scenario's counters, live, with how fast each moves; its results once it has them. */
public final class CountersPane implements Pane {

    @Override
    public String title(Frame f) {
        return "Counters";
    }

    @Override
    public String summary(Frame f) {
        Snapshot s = f.snapshot();
        if (s == null || s.counters().isEmpty()) {
            return "";
        }
        Map.Entry<String, Number> last = null;
        for (Map.Entry<String, Number> e : s.counters().entrySet()) {
            last = e;
        }
        return last.getKey() + " " + Format.number(last.getValue());
    }

    @Override
    public int preferredRows(Frame f, int width) {
        Snapshot s = f.snapshot();
        return s == null ? 1 : Math.max(1, s.counters().size() + s.results().size());
    }

    @Override
    public void render(Frame f, Canvas c, Rect area) {
        Snapshot s = f.snapshot();
        if (s == null || s.counters().isEmpty() && s.results().isEmpty()) {
            c.line(area, 0, 0, "no counters in this scenario", c.theme().dim());
            return;
        }
        int nameWidth = Math.min(15, java.util.stream.Stream.concat(s.counters().keySet().stream(),
                s.results().keySet().stream()).mapToInt(String::length).max().orElse(4) + 1);
        int valueWidth = Math.max(9, Math.min(13, area.width() - nameWidth - 12));
        int row = 0;
        for (Map.Entry<String, Number> e : s.counters().entrySet()) {
            if (row >= area.height()) {
                return;
            }
            String value = Format.number(e.getValue());
            c.line(area, row, 0, Format.cell(c.glyphs().fit(e.getKey(), nameWidth - 1), nameWidth, false),
                    c.theme().plain());
            c.line(area, row, nameWidth, Format.cell(value, Math.max(valueWidth, value.length()), true),
                    c.theme().bold());
            double rate = f.history().ratePerSecond(e.getKey());
            int at = nameWidth + Math.max(valueWidth, value.length()) + 1;
            if (!Double.isNaN(rate) && Math.abs(rate) >= 0.5 && !f.paused()) {
                String trend = (rate > 0 ? c.glyphs().up() : c.glyphs().down()) + " " + Format.compact(Math.abs(rate))
                        + "/s";
                if (at + trend.length() <= area.width()) { // a rate cut short says nothing: all of it, or none
                    c.line(area, row, at, trend, c.theme().dim());
                }
            }
            row++;
        }
        for (Map.Entry<String, Object> r : s.results().entrySet()) {
            if (row >= area.height()) {
                return;
            }
            c.line(area, row, 0, Format.cell(c.glyphs().fit(r.getKey(), nameWidth - 1), nameWidth, false),
                    c.theme().plain());
            c.line(area, row, nameWidth, text(r.getValue()), c.theme().good());
            row++;
        }
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return list.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder();
            map.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(
                    v instanceof Number n ? Format.number(n) : String.valueOf(v)));
            return sb.toString();
        }
        if (value instanceof Number n) {
            return Format.number(n);
        }
        return String.valueOf(value);
    }
}
