package dev.threadlab.ui.panes;

import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Rect;
import dev.threadlab.ui.ViewState;
import java.util.List;

/** The stack of the thread the user opened, read only then (or, in a replay, as it was saved); with the locks it holds. */
public final class StackOverlay {

    public void render(Canvas c, Rect screen, ViewState view) {
        Rect box = Overlays.centred(screen, screen.width() - 4, screen.height() - 4, c);
        c.box(box, "Stack of " + view.stackThreadName(), "Esc closes, arrows scroll", true);
        Rect in = box.inner();
        if (view.stackLoading()) {
            c.line(in, 0, 1, "reading the stack…", c.theme().dim());
            return;
        }
        List<String> lines = view.stack() == null ? List.of("the thread has ended") : view.stack().lines();
        int top = Math.max(0, Math.min(view.stackTop(), lines.size() - in.height()));
        for (int i = 0; i < in.height() && top + i < lines.size(); i++) {
            c.line(in, i, 1, lines.get(top + i), i + top == 0 ? c.theme().bold() : c.theme().plain());
        }
    }
}
