package dev.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.threadlab.config.ConfigError;
import dev.threadlab.Durations;
import dev.threadlab.scenario.Assignments;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A demo as a list of timed actions, one a line: {@code wait 2s}, {@code key tab}, {@code caption …},
 * {@code set lock=synchronized}, {@code run deadlock}, {@code start}, {@code stop}, {@code restart},
 * {@code step}, {@code continue}, {@code until finished 20s} (or {@code until lost>0 10s}), {@code quit}. {@code #} starts a
 * comment. The whole file is checked before anything runs: a bad line is reported as file:line.
 */
public record AutopilotScript(List<Step> steps) {
    static final String ACTIONS = "wait, key, caption, set, run, start, stop, restart, step, continue, until, quit";
    private static final Duration LONGEST = Duration.ofMinutes(10);

    /** One action. */
    public sealed interface Step permits Wait, Key, Caption, Set, Run, Control, Until, Quit {
    }

    public record Wait(Duration time) implements Step {
    }

    public record Key(KeyStroke key) implements Step {
    }

    /** A line of text over the lesson, for the audience; empty clears it. */
    public record Caption(String text) implements Step {
    }

    /** New values for the scenario's parameters: it restarts with them, and the header shows them. */
    public record Set(Map<String, Object> values) implements Step {
    }

    public record Run(ScenarioEntry entry) implements Step {
    }

    /** start, stop, restart, step, continue: what the keys s, r, . and c do, said plainly. */
    public record Control(String what) implements Step {
        /** The action it sends, as a key would. */
        public Action action() {
            return switch (what) {
                case "start" -> Action.START;
                case "stop" -> Action.STOP;
                case "restart" -> Action.RESTART;
                case "step" -> Action.STEP;
                case "continue" -> Action.CONTINUE;
                default -> throw new IllegalArgumentException(what);
            };
        }
    }

    /**
     * Waits until the run has {@code finished}, a {@code deadlock} shows, or a counter has a value
     * ({@code lost>0}, {@code done=30}, {@code inside<=2}), at most {@code max}; {@code line} is where
     * the script says so (0 when unknown). Not reached by then, the demo stops there: the captions
     * after it would not be true.
     */
    public record Until(String condition, Duration max, int line) implements Step {
        private static final java.util.regex.Pattern COMPARE =
                java.util.regex.Pattern.compile("([A-Za-z][\\w.-]*)(>=|<=|>|<|=)(-?\\d+(?:\\.\\d+)?)");

        public Until(String condition, Duration max) {
            this(condition, max, 0);
        }

        public Until {
            check(condition);
        }

        /** Throws with what an until line may say when {@code condition} is none of it. */
        static void check(String condition) {
            if (!condition.equals("finished") && !condition.equals("deadlock") && !COMPARE.matcher(condition).matches()) {
                throw new IllegalArgumentException("expected 'until finished TIME', 'until deadlock TIME' or "
                        + "'until COUNTER>N TIME' (>, >=, =, <=, <), got 'until " + condition + "'");
            }
        }

        /** What a demo that waited in vain says: {@code until lost>0: not reached within 20s}. */
        public String notReached() {
            return "until " + condition + ": not reached within " + dev.threadlab.Durations.format(max);
        }

        /** Whether {@code s}, a sample of the run asked for last, shows the condition. */
        public boolean holds(dev.threadlab.probe.Snapshot s) {
            if (condition.equals("finished")) {
                return s.run().status().ended();
            }
            if (condition.equals("deadlock")) {
                return !s.deadlocked().isEmpty();
            }
            java.util.regex.Matcher m = COMPARE.matcher(condition);
            if (!m.matches()) {
                return false;
            }
            Number value = s.counters().get(m.group(1));
            if (value == null) {
                return false;
            }
            int c = Double.compare(value.doubleValue(), Double.parseDouble(m.group(3)));
            return switch (m.group(2)) {
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> c == 0;
            };
        }
    }

    public record Quit() implements Step {
    }

    /**
     * Reads and checks a script for a run that starts with {@code first}.
     *
     * @throws ConfigError naming the file and line of the first bad line
     */
    public static AutopilotScript load(Path file, ScenarioEntry first, ScenarioCatalog catalog) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigError(file.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new ConfigError(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return parse(lines, file.toString(), first, catalog);
    }

    static AutopilotScript parse(List<String> lines, String source, ScenarioEntry first, ScenarioCatalog catalog) {
        List<Step> steps = new ArrayList<>();
        ScenarioEntry current = first;
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            int n = i + 1;
            int space = line.indexOf(' ');
            String action = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
            String arg = space < 0 ? "" : line.substring(space + 1).strip();
            try {
                Step step = step(action, arg, current, catalog);
                if (step instanceof Until u) {
                    step = new Until(u.condition(), u.max(), n);
                }
                if (step instanceof Run r) {
                    current = r.entry();
                }
                steps.add(step);
            } catch (IllegalArgumentException e) {
                throw new ConfigError(source, n, e.getMessage());
            }
        }
        return new AutopilotScript(List.copyOf(steps));
    }

    private static String stripComment(String line) {
        // A caption may hold a '#'; elsewhere it starts a comment.
        if (line.stripLeading().toLowerCase(Locale.ROOT).startsWith("caption")) {
            return line.stripLeading().startsWith("#") ? "" : line;
        }
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static Step step(String action, String arg, ScenarioEntry current, ScenarioCatalog catalog) {
        return switch (action) {
            case "wait" -> new Wait(duration(arg, "wait"));
            case "key" -> new Key(key(arg));
            case "caption" -> new Caption(arg);
            case "set" -> new Set(values(arg, current));
            case "run" -> {
                need(arg, "run", "a scenario id, e.g. run deadlock");
                yield new Run(catalog.find(arg).orElseThrow(() -> new IllegalArgumentException(
                        "unknown scenario '" + arg + "' (see threadlab list)")));
            }
            case "start", "stop", "restart", "step", "continue" -> {
                none(arg, action);
                yield new Control(action);
            }
            case "until" -> until(arg);
            case "quit" -> {
                none(arg, action);
                yield new Quit();
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "' (expected: " + ACTIONS + ")");
        };
    }

    private static Duration duration(String arg, String action) {
        need(arg, action, "a duration, e.g. " + action + " 2s");
        Duration d = Durations.parse(arg);
        if (d.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(action + " is at most 10m, got " + arg);
        }
        return d;
    }

    private static Until until(String arg) {
        String[] parts = arg.split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected 'until finished TIME', 'until deadlock TIME' or "
                    + "'until COUNTER>N TIME' (>, >=, =, <=, <), got 'until " + arg + "'");
        }
        Until.check(parts[0]); // the condition's error before the time's
        return new Until(parts[0], duration(parts[1], "until"));
    }

    private static Map<String, Object> values(String arg, ScenarioEntry current) {
        need(arg, "set", "key=value, e.g. set lock=synchronized");
        if (current == null) {
            throw new IllegalArgumentException("set needs a scenario: put 'run ID' before it");
        }
        return Assignments.parse(current, List.of(arg.split("\\s+")));
    }


    /** Key names as people write them: a character, or enter, esc, tab, space, up, f1, … */
    static KeyStroke key(String name) {
        need(name, "key", "a key, e.g. key tab or key s");
        if (name.length() == 1) {
            return new KeyStroke(name.charAt(0), false, false);
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "enter", "return" -> new KeyStroke(KeyType.Enter);
            case "esc", "escape" -> new KeyStroke(KeyType.Escape);
            case "tab" -> new KeyStroke(KeyType.Tab);
            case "backtab", "shift-tab" -> new KeyStroke(KeyType.ReverseTab);
            case "space" -> new KeyStroke(' ', false, false);
            case "up" -> new KeyStroke(KeyType.ArrowUp);
            case "down" -> new KeyStroke(KeyType.ArrowDown);
            case "left" -> new KeyStroke(KeyType.ArrowLeft);
            case "right" -> new KeyStroke(KeyType.ArrowRight);
            case "pgup", "pageup" -> new KeyStroke(KeyType.PageUp);
            case "pgdn", "pagedown" -> new KeyStroke(KeyType.PageDown);
            case "home" -> new KeyStroke(KeyType.Home);
            case "end" -> new KeyStroke(KeyType.End);
            case "backspace" -> new KeyStroke(KeyType.Backspace);
            case "f1" -> new KeyStroke(KeyType.F1);
            case "f10" -> new KeyStroke(KeyType.F10);
            default -> throw new IllegalArgumentException("unknown key '" + name + "' (a single character, or: enter, "
                    + "esc, tab, backtab, space, up, down, left, right, pgup, pgdn, home, end, backspace, f1, f10)");
        };
    }

    private static void need(String arg, String action, String what) {
        if (arg.isEmpty()) {
            throw new IllegalArgumentException(action + " needs " + what);
        }
    }

    private static void none(String arg, String action) {
        if (!arg.isEmpty()) {
            throw new IllegalArgumentException(action + " takes nothing after it, got '" + arg + "'");
        }
    }

    /** The longest the script can take, if every wait runs out: how long a recording may last. */
    public Duration longest() {
        Duration total = Duration.ZERO;
        for (Step s : steps) {
            if (s instanceof Wait w) {
                total = total.plus(w.time());
            } else if (s instanceof Until u) {
                total = total.plus(u.max());
            }
        }
        return total;
    }
}
