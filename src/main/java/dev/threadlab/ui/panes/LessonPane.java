package dev.threadlab.ui.panes;

import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;
import java.util.ArrayList;
import java.util.List;

/** What to notice in this scenario, in a few lines under the panes. */
public final class LessonPane implements Pane {

    @Override
    public String title(Frame f) {
        return "Lesson";
    }

    @Override
    public void render(Frame f, Canvas c, Rect area) {
        String text = f.entry() != null ? f.entry().lesson()
                : f.snapshot() != null && !f.snapshot().run().id().isEmpty() ? watching(f)
                : "Pick a scenario with p: each one shows a lesson of multithreading.";
        String caption = f.view().caption();
        if (caption.isEmpty() && f.snapshot() != null && f.entry() != null && f.snapshot().run().note() != null) {
            caption = f.snapshot().run().note(); // how the run ended, when there is something to say
        }
        Object finding = f.snapshot() == null || f.entry() == null ? null
                : f.snapshot().results().get(ScenarioContext.FINDING);
        // A demo's caption takes the first line, then what the run found; the lesson keeps what is left.
        for (String line : new String[] {caption, finding == null ? "" : "Found: " + finding}) {
            if (line.isEmpty() || area.isEmpty()) {
                continue;
            }
            c.fill(area.withHeight(1), ' ', c.theme().bar());
            c.text(area.col() + 1, area.row(), c.glyphs().fit(line, area.width() - 2), area.width() - 2,
                    c.theme().bar());
            area = area.below(1);
        }
        if (area.isEmpty()) {
            return;
        }
        List<String> lines = wrap("Lesson: " + text.replaceAll("\\s+", " ").strip(), area.width() - 1);
        for (int i = 0; i < area.height() && i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == area.height() - 1 && lines.size() > area.height()) {
                String more = " (l: all)";
                line = c.glyphs().fit(line + " " + lines.get(i + 1), area.width() - 1 - more.length()) + more;
            }
            int x = 1;
            if (i == 0) {
                x += c.text(area.col() + 1, area.row(), "Lesson:", 7, c.theme().bold());
                line = line.substring(Math.min(line.length(), 7));
            }
            c.text(area.col() + x, area.row() + i, line, area.width() - x, c.theme().plain());
        }
    }

    /** The whole lesson in a box over the screen (key l). */
    public void renderWhole(Frame f, Canvas c, Rect screen) {
        String text = f.entry() != null ? f.entry().lesson()
                : f.snapshot() != null && !f.snapshot().run().id().isEmpty() ? watching(f) : "";
        int width = Math.min(76, screen.width() - 6);
        List<String> lines = wrap(text.replaceAll("\\s+", " ").strip(), width);
        Rect box = Overlays.centred(screen, width + 4, lines.size() + 4, c);
        c.box(box, f.entry() == null ? "Lesson" : f.entry().title(), "any key closes", true);
        Rect in = box.inner();
        for (int i = 0; i < lines.size() && i + 1 < in.height(); i++) {
            c.line(in, i + 1, 1, lines.get(i), c.theme().plain());
        }
    }

    /** What to read in another JVM's threads. */
    private static String watching(Frame f) {
        String note = f.snapshot().run().note();
        return (note == null ? "" : note + ". ") + "All of that JVM's threads, sampled over JMX: a state shorter "
                + "than a tick still shows in BLK/t and WAIT/t; Lock waits names who holds what, and a deadlock "
                + "shows as its cycle. Enter reads one thread's stack.";
    }

    /** Word wrap to {@code width}; a word longer than a line is cut. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        if (width <= 0) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word.length() > width ? word.substring(0, width) : word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
