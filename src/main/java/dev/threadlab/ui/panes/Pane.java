package dev.threadlab.ui.panes;

import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;

/**
 * One pane: draws a frame into a rectangle, and keeps nothing between frames (what persists, such
 * as the selection, is in the view state). The layout draws the box; the pane fills its inside.
 */
public interface Pane {

    String title(Frame f);

    /** A few words for the box's top line, or for the one line the pane gets when folded. */
    default String summary(Frame f) {
        return "";
    }

    /** The rows of content it would like inside its box, {@code width} cells wide. */
    default int preferredRows(Frame f, int width) {
        return 3;
    }

    void render(Frame f, Canvas c, Rect area);
}
