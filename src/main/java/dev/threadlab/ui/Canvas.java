package dev.threadlab.ui;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.threadlab.ui.Theme.Style;

/** Drawing with clipping: text cut to the room it has, boxes with titles. Panes draw only through this. */
public final class Canvas {
    private final TextGraphics g;
    private final Theme theme;

    public Canvas(TextGraphics g, Theme theme) {
        this.g = g;
        this.theme = theme;
    }

    public Theme theme() {
        return theme;
    }

    public Glyphs glyphs() {
        return theme.glyphs();
    }

    /** Writes {@code s} at (col,row), cut to {@code maxWidth} cells. Returns the cells used. */
    public int text(int col, int row, String s, int maxWidth, Style style) {
        if (maxWidth <= 0 || s.isEmpty()) {
            return 0;
        }
        String cut = s.length() > maxWidth ? s.substring(0, maxWidth) : s;
        apply(style);
        g.putString(col, row, cut);
        return cut.length();
    }

    /** Writes {@code s} in the rectangle's row {@code line}, cut to its width with a marker. */
    public int line(Rect r, int line, int offset, String s, Style style) {
        if (line < 0 || line >= r.height() || offset >= r.width()) {
            return 0;
        }
        return text(r.col() + offset, r.row() + line, theme.glyphs().fit(s, r.width() - offset), r.width() - offset,
                style);
    }

    public void put(int col, int row, char c, Style style) {
        apply(style);
        g.setCharacter(col, row, c);
    }

    public void fill(Rect r, char c, Style style) {
        if (r.isEmpty()) {
            return;
        }
        apply(style);
        g.fillRectangle(new com.googlecode.lanterna.TerminalPosition(r.col(), r.row()),
                new com.googlecode.lanterna.TerminalSize(r.width(), r.height()), c);
    }

    /** A box on the rectangle's edge with a title in its top border. */
    public void box(Rect r, String title, String extra, boolean focused) {
        if (r.width() < 2 || r.height() < 2) {
            return;
        }
        Glyphs gl = theme.glyphs();
        Style border = theme.border(focused);
        int right = r.right() - 1;
        int bottom = r.bottom() - 1;
        apply(border);
        g.drawLine(r.col() + 1, r.row(), right - 1, r.row(), gl.horizontal());
        g.drawLine(r.col() + 1, bottom, right - 1, bottom, gl.horizontal());
        g.drawLine(r.col(), r.row() + 1, r.col(), bottom - 1, gl.vertical());
        g.drawLine(right, r.row() + 1, right, bottom - 1, gl.vertical());
        g.setCharacter(r.col(), r.row(), gl.topLeft());
        g.setCharacter(right, r.row(), gl.topRight());
        g.setCharacter(r.col(), bottom, gl.bottomLeft());
        g.setCharacter(right, bottom, gl.bottomRight());
        titleBar(r, title, extra, focused);
    }

    /** A pane folded to one line: its title and a short summary, drawn as a border line. */
    public void folded(Rect r, String title, String summary, boolean focused) {
        if (r.width() < 2 || r.height() < 1) {
            return;
        }
        Glyphs gl = theme.glyphs();
        apply(theme.border(focused));
        g.drawLine(r.col(), r.row(), r.right() - 1, r.row(), gl.horizontal());
        titleBar(r, title, summary, focused);
    }

    private void titleBar(Rect r, String title, String extra, boolean focused) {
        int room = r.width() - 4;
        int used = text(r.col() + 1, r.row(), " " + theme.glyphs().fit(title, room - 1) + " ", room + 1,
                theme.title(focused));
        if (extra != null && !extra.isEmpty() && room - used > 3) {
            text(r.col() + 1 + used, r.row(), theme.glyphs().fit(extra, room - used - 1) + " ", room - used,
                    theme.dim());
        }
    }

    private void apply(Style s) {
        g.setForegroundColor(s.fg() == null ? TextColor.ANSI.DEFAULT : s.fg());
        g.setBackgroundColor(s.bg() == null ? TextColor.ANSI.DEFAULT : s.bg());
        g.clearModifiers();
        if (s.sgr().length > 0) {
            g.enableModifiers(s.sgr());
        }
    }
}
