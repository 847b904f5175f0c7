package dev.threadlab.ui;

/** A rectangle of cells: column, row, width, height. */
public record Rect(int col, int row, int width, int height) {

    public Rect {
        width = Math.max(0, width);
        height = Math.max(0, height);
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public int right() {
        return col + width;
    }

    public int bottom() {
        return row + height;
    }

    /** The inside of a box drawn on this rectangle's edge. */
    public Rect inner() {
        return new Rect(col + 1, row + 1, width - 2, height - 2);
    }

    public Rect rows(int fromRow, int count) {
        return new Rect(col, row + fromRow, width, Math.min(count, height - fromRow));
    }

    public Rect withHeight(int h) {
        return new Rect(col, row, width, h);
    }

    public Rect withWidth(int w) {
        return new Rect(col, row, w, height);
    }

    /** This rectangle without its first {@code n} rows. */
    public Rect below(int n) {
        return new Rect(col, row + n, width, height - n);
    }
}
