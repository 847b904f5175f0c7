package dev.threadlab.ui.panes;

import dev.threadlab.probe.Cause;
import dev.threadlab.ui.Action;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Rect;

/** Every key and what it does, from the same table the keys are read with; and the state letters. */
public final class HelpOverlay {
    private static final int ENTRY = 40;

    public void render(Canvas c, Rect screen, boolean replay) {
        boolean ascii = c.glyphs().pointer().equals(">");
        java.util.List<Action> listed = new java.util.ArrayList<>();
        for (Action a : Action.values()) {
            if (!a.keys(ascii, replay).isEmpty()) {
                listed.add(a);
            }
        }
        Action[] actions = listed.toArray(new Action[0]);
        int columns = screen.width() >= 2 * 34 + 5 ? 2 : 1;
        int entry = Math.min(ENTRY, (screen.width() - 5) / columns);
        int rows = (actions.length + columns - 1) / columns;
        Rect box = Overlays.centred(screen, columns * entry + 3, rows + 4, c);
        c.box(box, "Keys", "any key closes", true);
        Rect in = box.inner();
        for (int i = 0; i < actions.length; i++) {
            int col = i / rows;
            int row = i % rows;
            if (row >= in.height() - 2) {
                continue;
            }
            int x = in.col() + 1 + col * entry;
            c.text(x, in.row() + row, Format.cell(actions[i].keys(ascii, replay), 9, false), 9, c.theme().bold());
            c.text(x + 10, in.row() + row, c.glyphs().fit(actions[i].help(), entry - 11), entry - 11,
                    c.theme().plain());
        }
        int legendRow = in.bottom() - 1;
        int x = in.col() + 1;
        Object[][] legend = {{'n', Cause.NEW, "new"}, {'R', Cause.RUNNING, "running"}, {'R', Cause.NATIVE, "in I/O"},
            {'B', Cause.MONITOR, "blocked"}, {'W', Cause.WAITING, "wait/join"}, {'W', Cause.PARKED, "parked"},
            {'S', Cause.SLEEPING, "sleep"}, {'.', Cause.TERMINATED, "ended"}};
        for (Object[] item : legend) {
            String word = (String) item[2];
            if (x + word.length() + 3 > in.right()) {
                break;
            }
            c.put(x, legendRow, (Character) item[0], c.theme().cell((Cause) item[1]));
            x += 1 + c.text(x + 1, legendRow, " " + word + " ", word.length() + 2, c.theme().dim());
        }
    }
}
