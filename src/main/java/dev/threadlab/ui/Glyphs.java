package dev.threadlab.ui;

/** The characters the screen is drawn with: box-drawing and a few symbols, or plain ASCII for {@code --ascii}. */
public record Glyphs(char topLeft, char topRight, char bottomLeft, char bottomRight, char horizontal, char vertical,
        String running, String stopped, String paused, String pointer, String up, String down, String dot,
        String ellipsis, String sparks, String enter, String tab, String space, String arrowsUpDown,
        String arrowRight) {

    public static final Glyphs UNICODE = new Glyphs('┌', '┐', '└', '┘', '─', '│', "▶", "■", "‖", "▸", "▲", "▼",
            "·", "…", "▁▂▃▄▅▆▇█", "⏎", "⇥", "␣", "↑↓", "─▶");

    public static final Glyphs ASCII = new Glyphs('+', '+', '+', '+', '-', '|', ">", "#", "=", ">", "^", "v",
            "-", "~", "_.-=+*#@", "Enter", "Tab", "Space", "Up/Dn", "->");

    /**
     * Cuts a name in its middle, so names that differ at their end stay apart ({@code srv-w…-12}).
     */
    public String fitName(String s, int width) {
        if (s.length() <= width || width <= ellipsis.length() + 2) {
            return fit(s, width);
        }
        int tail = Math.min(4, (width - ellipsis.length()) / 2);
        return s.substring(0, width - ellipsis.length() - tail) + ellipsis + s.substring(s.length() - tail);
    }

    /** Cuts {@code s} to {@code width} cells, marking the cut. */
    public String fit(String s, int width) {
        if (width <= 0) {
            return "";
        }
        if (s.length() <= width) {
            return s;
        }
        if (width <= ellipsis.length()) {
            return s.substring(0, width);
        }
        return s.substring(0, width - ellipsis.length()) + ellipsis;
    }
}
