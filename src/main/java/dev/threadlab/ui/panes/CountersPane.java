package dev.threadlab.ui.panes;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.scenario.LessonFocus;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's counters, live, with how fast each moves; its results once it has them. When rows
 * are short, the counters the lesson names stay and the others go first.
 */
public final class CountersPane implements Pane {

    @Override
    public String title(Frame f) {
        return "Counters";
    }

    /** The lesson's first counter that has a value, else the last counter: what the folded line says. */
    @Override
    public String summary(Frame f) {
        Snapshot s = f.snapshot();
        if (s == null || s.counters().isEmpty() && s.results().isEmpty()) {
            return "";
        }
        Map<String, Object> all = all(s);
        for (String name : focus(f).counters()) {
            if (all.containsKey(name)) {
                return name + " " + text(all.get(name));
            }
        }
        if (s.counters().isEmpty()) {
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
        return s == null ? 1 : Math.max(1, all(s).size());
    }

    @Override
    public void render(Frame f, Canvas c, Rect area) {
        Snapshot s = f.snapshot();
        if (s == null || all(s).isEmpty()) {
            c.line(area, 0, 0, "no counters in this scenario", c.theme().dim());
            return;
        }
        List<String> shown = shown(all(s), focus(f), area.height());
        int nameWidth = Math.min(15, shown.stream().mapToInt(String::length).max().orElse(4) + 1);
        int valueWidth = Math.max(9, Math.min(13, area.width() - nameWidth - 12));
        int row = 0;
        for (String name : shown) {
            c.line(area, row, 0, Format.cell(c.glyphs().fit(name, nameWidth - 1), nameWidth, false), c.theme().plain());
            Number counter = s.counters().get(name);
            if (counter == null) {
                c.line(area, row++, nameWidth, text(s.results().get(name)), c.theme().good());
                continue;
            }
            String value = Format.number(counter);
            c.line(area, row, nameWidth, Format.cell(value, Math.max(valueWidth, value.length()), true),
                    c.theme().bold());
            double rate = f.history().ratePerSecond(name);
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
    }

    /** Counters, then results, by name, in the order the scenario made them. */
    private static Map<String, Object> all(Snapshot s) {
        Map<String, Object> all = new LinkedHashMap<>(s.counters());
        s.results().forEach(all::putIfAbsent);
        all.remove(ScenarioContext.FINDING); // the lesson line says it, whole
        return all;
    }

    /**
     * The names that get the {@code rows} there are, in their own order: all if they fit, else the
     * lesson's first and the others while rows are left.
     */
    static List<String> shown(Map<String, Object> all, LessonFocus focus, int rows) {
        List<String> names = new ArrayList<>(all.keySet());
        if (names.size() <= rows) {
            return names;
        }
        long named = names.stream().filter(focus::names).count();
        int others = (int) Math.max(0, rows - named);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (out.size() >= rows) {
                break;
            }
            if (focus.names(n)) {
                out.add(n);
            } else if (others > 0) {
                out.add(n);
                others--;
            }
        }
        return out;
    }

    private static LessonFocus focus(Frame f) {
        return f.entry() == null ? LessonFocus.NONE : f.entry().focus();
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
