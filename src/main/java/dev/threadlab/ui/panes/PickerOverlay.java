package dev.threadlab.ui.panes;

import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Rect;
import java.util.List;

/** The catalogue, to pick a scenario from. */
public final class PickerOverlay {

    public void render(Canvas c, Rect screen, List<ScenarioEntry> entries, int selected) {
        int idWidth = entries.stream().mapToInt(e -> e.id().length()).max().orElse(10) + 2;
        Rect box = Overlays.centred(screen, Math.min(96, screen.width() - 2), entries.size() + 4, c);
        c.box(box, "Scenarios", "Enter runs one", true);
        Rect in = box.inner();
        int rows = in.height() - 1;
        int top = Math.max(0, Math.min(selected - rows + 1, entries.size() - rows));
        top = Math.max(0, Math.min(top, selected));
        for (int i = 0; i < rows && top + i < entries.size(); i++) {
            ScenarioEntry e = entries.get(top + i);
            boolean sel = top + i == selected;
            int row = in.row() + i;
            if (sel) {
                c.fill(new Rect(in.col(), row, in.width(), 1), ' ', c.theme().selected());
            }
            c.text(in.col(), row, sel ? c.glyphs().pointer() : " ", 1, sel ? c.theme().selected() : c.theme().plain());
            c.text(in.col() + 1, row, Format.cell(e.id(), idWidth, false), idWidth,
                    sel ? c.theme().selected() : c.theme().bold());
            c.text(in.col() + 1 + idWidth, row, c.glyphs().fit(e.title(), in.width() - idWidth - 2),
                    in.width() - idWidth - 2, sel ? c.theme().selected() : c.theme().plain());
        }
        c.line(in, in.height() - 1, 1, entries.size() + " scenarios; more with --config FILE", c.theme().dim());
    }
}
