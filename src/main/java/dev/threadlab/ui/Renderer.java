package dev.threadlab.ui;

import dev.threadlab.ui.ViewState.Focus;
import dev.threadlab.ui.panes.FooterBar;
import dev.threadlab.ui.panes.HeaderBar;
import dev.threadlab.ui.panes.HelpOverlay;
import dev.threadlab.ui.panes.LessonPane;
import dev.threadlab.ui.panes.Pane;
import dev.threadlab.ui.panes.PickerOverlay;
import dev.threadlab.ui.panes.StackOverlay;
import java.util.EnumMap;
import java.util.Map;

/** Draws a whole frame into the back buffer: bars, panes where the layout puts them, then any overlay. */
public final class Renderer {
    private final Map<Focus, Pane> panes = new EnumMap<>(Focus.class);
    private final HeaderBar header = new HeaderBar();
    private final FooterBar footer = new FooterBar();
    private final LessonPane lesson = new LessonPane();
    private final HelpOverlay help = new HelpOverlay();
    private final StackOverlay stack = new StackOverlay();
    private final PickerOverlay picker = new PickerOverlay();

    public Renderer() {
        for (Focus f : Focus.values()) {
            panes.put(f, f.newPane());
        }
    }

    public Layout layout(int width, int height, Frame f) {
        return Layout.of(width, height, f.view(), Layout.lessonPanes(f.entry()),
                (focus, inner) -> panes.get(focus).preferredRows(f, inner));
    }

    /** Draws {@code f} on {@code c} as laid out by {@code layout}; every cell is written, so nothing stale remains. */
    public void draw(Frame f, Layout layout, Canvas c) {
        c.fill(layout.screen(), ' ', c.theme().plain());
        if (layout.mode() == Layout.Mode.TOO_SMALL) {
            tooSmall(c, layout.screen());
            return;
        }
        header.render(f, c, layout.header());
        for (Map.Entry<Focus, Rect> e : layout.panes().entrySet()) {
            Pane pane = panes.get(e.getKey());
            boolean focused = f.view().focus() == e.getKey();
            if (layout.folded().contains(e.getKey())) {
                c.folded(e.getValue(), pane.title(f), pane.summary(f), focused);
            } else {
                c.box(e.getValue(), pane.title(f), pane.summary(f), focused);
                pane.render(f, c, e.getValue().inner());
            }
        }
        lesson.render(f, c, layout.lesson());
        footer.render(f, c, layout.footer());
        switch (f.view().overlay()) {
            case HELP -> help.render(c, layout.screen(), f.view().replay() != null);
            case STACK -> stack.render(c, layout.screen(), f.view());
            case PICKER -> picker.render(c, layout.screen(), f.catalog().entries(), f.view().pickerRow());
            case LESSON -> lesson.renderWhole(f, c, layout.screen());
            case NONE -> { }
        }
    }

    private static void tooSmall(Canvas c, Rect screen) {
        String msg = "ThreadLab needs at least " + Layout.MIN_WIDTH + "x" + Layout.MIN_HEIGHT + " (this is "
                + screen.width() + "x" + screen.height() + ")";
        if (msg.length() > screen.width()) {
            msg = "need " + Layout.MIN_WIDTH + "x" + Layout.MIN_HEIGHT + ", have " + screen.width() + "x"
                    + screen.height();
        }
        int col = Math.max(0, (screen.width() - msg.length()) / 2);
        c.text(col, screen.height() / 2, msg, screen.width() - col, c.theme().bold());
    }
}
