package dev.threadlab.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.threadlab.probe.Cause;
import java.util.EnumMap;
import java.util.Map;

/**
 * Colours and glyphs. States take VisualVM's colours, which people know: running green, in native
 * code blue, sleeping purple, waiting yellow, parked orange, blocked red. The palette is small and
 * fixed, since every distinct colour costs bytes over SSH; without colour, the letters carry it all.
 */
public final class Theme {

    public enum Depth { NONE, ANSI16, INDEXED256 }

    /** A way to draw text: foreground, background (null: the terminal's own) and attributes. */
    public record Style(TextColor fg, TextColor bg, SGR... sgr) {
        public static final Style PLAIN = new Style(null, null);
    }

    private final Depth depth;
    private final Glyphs glyphs;
    private final Map<Cause, TextColor> stateColours = new EnumMap<>(Cause.class);

    public Theme(Depth depth, Glyphs glyphs) {
        this.depth = depth;
        this.glyphs = glyphs;
        for (Cause c : Cause.values()) {
            stateColours.put(c, depth == Depth.INDEXED256 ? indexed(c) : depth == Depth.ANSI16 ? ansi(c) : null);
        }
    }

    /** Chooses colours from the environment: NO_COLOR, then COLORTERM and TERM. */
    public static Depth depthFrom(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        String term = env.getOrDefault("TERM", "");
        if (noColor != null && !noColor.isEmpty() || term.equals("dumb")) {
            return Depth.NONE;
        }
        String colorTerm = env.getOrDefault("COLORTERM", "");
        if (term.contains("256color") || colorTerm.equals("truecolor") || colorTerm.equals("24bit")) {
            return Depth.INDEXED256;
        }
        return Depth.ANSI16;
    }

    private static TextColor indexed(Cause c) {
        return new TextColor.Indexed(switch (c) {
            case NEW -> 250;
            case RUNNING -> 70;
            case NATIVE -> 39;
            case MONITOR -> 196;
            case SLEEPING -> 141;
            case WAITING -> 220;
            case PARKED -> 208;
            case TERMINATED -> 240;
        });
    }

    private static TextColor ansi(Cause c) {
        return switch (c) {
            case NEW -> TextColor.ANSI.WHITE;
            case RUNNING -> TextColor.ANSI.GREEN;
            case NATIVE -> TextColor.ANSI.BLUE_BRIGHT;
            case MONITOR -> TextColor.ANSI.RED_BRIGHT;
            case SLEEPING -> TextColor.ANSI.MAGENTA;
            case WAITING -> TextColor.ANSI.YELLOW;
            case PARKED -> TextColor.ANSI.YELLOW_BRIGHT;
            case TERMINATED -> TextColor.ANSI.BLACK_BRIGHT;
        };
    }

    public Depth depth() {
        return depth;
    }

    public Glyphs glyphs() {
        return glyphs;
    }

    public boolean colour() {
        return depth != Depth.NONE;
    }

    /** A state written as text: in its colour. */
    public Style state(Cause cause) {
        return new Style(stateColours.get(cause), null);
    }

    /** A timeline cell: the state's colour as a bar, its letter on top. */
    public Style cell(Cause cause) {
        TextColor c = stateColours.get(cause);
        return c == null ? Style.PLAIN : new Style(TextColor.ANSI.BLACK, c);
    }

    public Style plain() {
        return Style.PLAIN;
    }

    public Style dim() {
        return colour() ? new Style(depth == Depth.INDEXED256 ? new TextColor.Indexed(244) : TextColor.ANSI.BLACK_BRIGHT,
                null) : Style.PLAIN;
    }

    public Style bold() {
        return new Style(null, null, SGR.BOLD);
    }

    public Style title(boolean focused) {
        return focused && colour() ? new Style(TextColor.ANSI.CYAN_BRIGHT, null, SGR.BOLD) : new Style(null, null,
                SGR.BOLD);
    }

    public Style border(boolean focused) {
        return focused && colour() ? new Style(TextColor.ANSI.CYAN, null) : Style.PLAIN;
    }

    public Style selected() {
        return new Style(null, null, SGR.REVERSE);
    }

    public Style bar() {
        return new Style(null, null, SGR.REVERSE);
    }

    public Style alarm() {
        return colour() ? new Style(TextColor.ANSI.RED_BRIGHT, null, SGR.BOLD) : new Style(null, null, SGR.BOLD);
    }

    public Style good() {
        return colour() ? new Style(TextColor.ANSI.GREEN, null) : Style.PLAIN;
    }
}
