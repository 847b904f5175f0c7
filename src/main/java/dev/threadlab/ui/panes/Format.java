package dev.threadlab.ui.panes;

import java.util.Locale;

/** Numbers and times as the panes print them. */
public final class Format {
    private Format() {
    }

    /** 1,234,567 for whole numbers; 1.25 for others. */
    public static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%,.2f", d);
        }
        return String.format(Locale.ROOT, "%,d", n.longValue());
    }

    /** 950, 1.2k, 161k, 2.0M: a rate in four or five cells. */
    public static String compact(double v) {
        double a = Math.abs(v);
        String sign = v < 0 ? "-" : "";
        if (a < 1000) {
            return sign + Math.round(a);
        }
        if (a < 1_000_000) {
            return sign + (a < 10_000 ? String.format(Locale.ROOT, "%.1fk", a / 1000)
                    : Math.round(a / 1000) + "k");
        }
        return sign + (a < 10_000_000 ? String.format(Locale.ROOT, "%.1fM", a / 1e6) : Math.round(a / 1e6) + "M");
    }

    /** mm:ss for a run's age. */
    public static String clock(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** mm:ss.cc for an output line's time. */
    public static String stamp(long ms) {
        return String.format(Locale.ROOT, "%02d:%02d.%02d", ms / 60_000, ms / 1000 % 60, ms % 1000 / 10);
    }

    public static String millis(long ms) {
        if (ms < 0) {
            return "-";
        }
        return ms < 10_000 ? ms + "ms" : String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    public static String percent(double p) {
        return p < 0 ? "" : String.format(Locale.ROOT, "%.1f", p);
    }

    /** Pads or cuts to exactly {@code width} cells. */
    public static String cell(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s.substring(0, width);
        }
        String pad = " ".repeat(width - s.length());
        return right ? pad + s : s + pad;
    }
}
