package dev.threadlab.scenario;

import dev.threadlab.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One parameter a scenario type accepts: its name, kind, default and allowed range. Values come
 * from the catalogue file or {@code --set}; both are checked here, so both fail the same way.
 */
public record ParamSpec(String name, Kind kind, Object defaultValue, long min, long max, List<String> choices,
        String help) {

    public enum Kind { INTEGER, DURATION, FLAG, CHOICE }

    public static ParamSpec integer(String name, long defaultValue, long min, long max, String help) {
        return new ParamSpec(name, Kind.INTEGER, defaultValue, min, max, List.of(), help);
    }

    public static ParamSpec duration(String name, Duration defaultValue, Duration max, String help) {
        return new ParamSpec(name, Kind.DURATION, defaultValue, 0, max.toNanos(), List.of(), help);
    }

    public static ParamSpec flag(String name, boolean defaultValue, String help) {
        return new ParamSpec(name, Kind.FLAG, defaultValue, 0, 1, List.of(), help);
    }

    public static ParamSpec choice(String name, String defaultValue, List<String> choices, String help) {
        return new ParamSpec(name, Kind.CHOICE, defaultValue, 0, 0, List.copyOf(choices), help);
    }

    /** Reads a value as typed by a user; the message of the exception names the parameter and the range. */
    public Object parse(String text) {
        String s = text == null ? "" : text.trim();
        return switch (kind) {
            case INTEGER -> parseInteger(s);
            case DURATION -> parseDuration(s);
            case FLAG -> parseFlag(s);
            case CHOICE -> parseChoice(s);
        };
    }

    private Long parseInteger(String s) {
        long v;
        try {
            v = Long.parseLong(s.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number " + range() + ", got '" + s + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be " + range() + ", got " + s);
        }
        return v;
    }

    private Duration parseDuration(String s) {
        Duration d;
        try {
            d = Durations.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage());
        }
        if (d.toNanos() > max) {
            throw new IllegalArgumentException(name + " must be at most " + Durations.format(Duration.ofNanos(max))
                    + ", got " + s);
        }
        return d;
    }

    private Boolean parseFlag(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + s + "'");
        };
    }

    private String parseChoice(String s) {
        if (!choices.contains(s)) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", choices) + ", got '" + s
                    + "'");
        }
        return s;
    }

    private String range() {
        return String.format(Locale.ROOT, "%d..%d", min, max);
    }

    /** The value as a user would type it back. */
    public String format(Object value) {
        return value instanceof Duration d ? Durations.format(d) : String.valueOf(value);
    }

    /** What {@code list --params} shows after the name: kind, range, default. */
    public String describe() {
        String allowed = switch (kind) {
            case INTEGER -> range();
            case DURATION -> "duration, at most " + Durations.format(Duration.ofNanos(max));
            case FLAG -> "true|false";
            case CHOICE -> String.join("|", choices);
        };
        return allowed + ", default " + format(defaultValue);
    }
}
