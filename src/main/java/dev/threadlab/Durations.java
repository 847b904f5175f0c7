package dev.threadlab;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations the way people type them: {@code 250ms}, {@code 10s}, {@code 1m30s}, {@code 5us}, or ISO {@code PT10S}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    /** Parses a duration; throws {@link IllegalArgumentException} with a message fit for a user. */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.startsWith("PT") || s.startsWith("pt")) {
            try {
                return Duration.parse(s.toUpperCase());
            } catch (DateTimeParseException e) {
                throw bad(text);
            }
        }
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ns" -> Duration.ofNanos(n);
                case "us", "µs" -> Duration.ofNanos(Math.multiplyExact(n, 1000L));
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            at = m.end();
        }
        if (at == 0 || at != s.length()) {
            throw bad(text);
        }
        return total;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("expected a duration like 250ms, 10s or 1m30s, got '" + text + "'");
    }

    /** The shortest of the forms {@link #parse} reads back: {@code 250ms}, {@code 1s}, {@code 1m30s}, {@code 5us}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        long nanos = d.toNanos();
        if (nanos % 1_000_000 != 0) {
            return nanos % 1000 == 0 ? nanos / 1000 + "us" : nanos + "ns";
        }
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            out.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0) {
            out.append(s).append('s');
        }
        return out.toString();
    }
}
