package dev.threadlab.ui.panes;

import dev.threadlab.ui.Action;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;
import dev.threadlab.ui.ViewState;
import java.util.List;

/** The bottom line: the main keys, as many as fit; help and quit always. */
public final class FooterBar {
    private record Hint(String keys, String words) {
    }

    public void render(Frame f, Canvas c, Rect area) {
        c.fill(area, ' ', c.theme().plain());
        boolean ascii = c.glyphs().pointer().equals(">");
        if (f.view().editingFilter()) {
            String prompt = " filter: " + f.view().filterDraft() + "_   (Enter apply, Esc clear)";
            c.text(area.col(), area.row(), prompt, area.width(), c.theme().bold());
            return;
        }
        List<Hint> hints = hints(f, ascii);
        Hint help = new Hint(Action.HELP.key(ascii), "help");
        Hint quit = new Hint(Action.QUIT.key(ascii), "quit");
        int reserved = width(help) + width(quit);
        int x = area.col();
        for (Hint h : hints) {
            if (x + width(h) > area.right() - reserved) {
                break;
            }
            x = draw(c, x, area.row(), h);
        }
        x = draw(c, x, area.row(), help);
        draw(c, x, area.row(), quit);
    }

    private static List<Hint> hints(Frame f, boolean ascii) {
        boolean stepping = f.snapshot() != null && f.snapshot().run().stepMode() && !f.snapshot().run().status()
                .ended();
        if (f.view().overlay() == ViewState.Overlay.PICKER) {
            return List.of(new Hint(ascii ? "Up/Dn" : "↑↓", "choose"), new Hint(Action.OPEN.key(ascii), "run it"),
                    new Hint("Esc", "back"));
        }
        if (f.view().replay() != null) {
            return List.of(new Hint(Action.PAUSE.key(ascii), f.view().replay().playing() ? "hold" : "play"),
                    new Hint(ascii ? "Left/Right" : "←→", "tick"), new Hint("[ ]", "ten"), new Hint("< >", "speed"),
                    new Hint("Home/End", "ends"), new Hint(Action.OPEN.key(ascii), "stack"),
                    new Hint(Action.NEXT_PANE.key(ascii), "pane"), new Hint("l", "lesson"));
        }
        if (stepping) {
            return List.of(new Hint(".", "next step"), new Hint("c", "continue"), new Hint("s", "stop"),
                    new Hint(ascii ? "Up/Dn" : "↑↓", "move"), new Hint(Action.OPEN.key(ascii), "stack"));
        }
        return List.of(new Hint(ascii ? "Up/Dn" : "↑↓", "move"), new Hint(Action.OPEN.key(ascii), "stack"),
                new Hint(Action.NEXT_PANE.key(ascii), "pane"), new Hint("s", "start/stop"),
                new Hint("r", "restart"), new Hint(Action.PAUSE.key(ascii), "pause"), new Hint("+/-", "interval"),
                new Hint(".", "step"), new Hint("l", "lesson"), new Hint("a", "all"), new Hint("/", "filter"),
                new Hint("p", "pick"));
    }

    private static int width(Hint h) {
        return h.keys().length() + h.words().length() + 3;
    }

    private static int draw(Canvas c, int x, int row, Hint h) {
        x += c.text(x, row, " " + h.keys(), h.keys().length() + 1, c.theme().bold());
        x += c.text(x, row, " " + h.words() + " ", h.words().length() + 2, c.theme().dim());
        return x;
    }
}
