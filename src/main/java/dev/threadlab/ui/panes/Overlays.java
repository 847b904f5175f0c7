package dev.threadlab.ui.panes;

import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Rect;

/** Where an overlay box goes: centred, as big as asked, never bigger than the screen allows. */
final class Overlays {
    private Overlays() {
    }

    static Rect centred(Rect screen, int width, int height, Canvas c) {
        int w = Math.min(width, screen.width() - 2);
        int h = Math.min(height, screen.height() - 2);
        Rect r = new Rect(screen.col() + (screen.width() - w) / 2, screen.row() + (screen.height() - h) / 2, w, h);
        c.fill(r, ' ', c.theme().plain());
        return r;
    }
}
