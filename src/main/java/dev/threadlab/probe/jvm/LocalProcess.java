package dev.threadlab.probe.jvm;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What this machine says of a process before we dare to attach to it, read from {@code /proc} without
 * sending it anything: whether it is a HotSpot JVM (it maps {@code libjvm}), who owns it, what it is
 * called, and whether it was started with attach turned off. The Attach API signals its target with
 * SIGQUIT, which ends any process that is not a JVM: nothing is sent until this says yes.
 *
 * @param name    the process's command name ({@code sleep}, {@code java})
 * @param uid     its owner's uid, or -1 where it cannot be read
 * @param owner   its owner's name, or null
 * @param runtime what runs in it, as far as its mappings tell
 * @param attachDisabled started with {@code -XX:+DisableAttachMechanism} (command line or the JDK's option
 *                       variables)
 * @param args    its command line, or empty where it cannot be read
 * @param state   its scheduling state as {@code /proc/PID/stat} gives it ({@code R}, {@code S}, {@code T} stopped,
 *                {@code Z} ended but not reaped), or {@code ?}
 */
public record LocalProcess(long pid, String name, long uid, String owner, Runtime runtime, boolean attachDisabled,
        List<String> args, char state) {

    public enum Runtime {
        /** A HotSpot JVM: the Attach API can talk to it. */
        HOTSPOT,
        /** A JVM of another make (OpenJ9): it answers SIGQUIT with dump files, not with HotSpot's attach. */
        OTHER_JVM,
        /** No JVM in it. */
        NOT_JAVA,
        /** Its mappings cannot be read (another user's process, or no {@code /proc}). */
        UNKNOWN
    }

    private static final Path PROC = Path.of("/proc");
    private static final String DISABLE_ATTACH = "DisableAttachMechanism";
    private static final Set<String> OPTION_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");
    /** Launcher options whose value is the next argument, so it is not mistaken for the main class. */
    private static final Set<String> TAKES_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p",
            "--module-path", "--add-modules", "--add-opens", "--add-exports", "--add-reads", "--patch-module",
            "--upgrade-module-path", "--limit-modules", "--enable-native-access");

    /** Whether this machine has a {@code /proc} to read processes from. */
    public static boolean procAvailable() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /** The process with {@code pid}, or empty if there is none. */
    public static Optional<LocalProcess> of(long pid) {
        Path dir = PROC.resolve(Long.toString(pid));
        if (!procAvailable()) {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(LocalProcess::withoutProc);
        }
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        String name = firstLine(dir.resolve("comm")).orElseGet(() -> ProcessHandle.of(pid)
                .flatMap(p -> p.info().command()).map(c -> Path.of(c).getFileName().toString()).orElse("?"));
        long uid = uidOf(dir);
        String owner = ownerOf(dir);
        List<String> args = nulSeparated(dir.resolve("cmdline"));
        return Optional.of(new LocalProcess(pid, name, uid, owner, runtimeOf(dir), attachDisabled(dir, args), args,
                stateOf(dir)));
    }

    /** This process's own uid (0 for root), or -1 where it cannot be read. */
    public static long myUid() {
        return uidOf(PROC.resolve("self"));
    }

    /** Every process on this machine we could see, by pid. */
    public static List<Long> allPids() {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(PROC)) {
            dirs.forEach(d -> {
                String n = d.getFileName().toString();
                if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) {
                    out.add(Long.parseLong(n));
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    /** Same owner as us, or we are root: the Attach API would let us in. */
    public boolean attachableByMe() {
        long me = myUid();
        return uid < 0 || me < 0 || me == 0 || me == uid;
    }

    /** The main class or jar, as its command line gives it (for JVMs without perf data, which jcmd cannot name). */
    public String mainClass() {
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-jar") || a.equals("-m") || a.equals("--module")) {
                return i + 1 < args.size() ? args.get(i + 1) : "?";
            }
            if (TAKES_VALUE.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return "unknown main class";
    }

    private static LocalProcess withoutProc(ProcessHandle p) {
        String name = p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
        List<String> args = new ArrayList<>();
        p.info().command().ifPresent(args::add);
        p.info().arguments().ifPresent(a -> args.addAll(List.of(a)));
        return new LocalProcess(p.pid(), name, -1, p.info().user().orElse(null), Runtime.UNKNOWN,
                hasDisableAttach(args), List.copyOf(args), '?');
    }

    /** A JVM maps its VM library: libjvm for HotSpot, libj9vm for OpenJ9 (which maps a libjvm too). */
    private static Runtime runtimeOf(Path dir) {
        boolean jvm = false;
        try (BufferedReader maps = Files.newBufferedReader(dir.resolve("maps"), StandardCharsets.ISO_8859_1)) {
            for (String line; (line = maps.readLine()) != null; ) {
                if (line.contains("libj9vm")) {
                    return Runtime.OTHER_JVM;
                }
                if (line.endsWith("/libjvm.so")) {
                    jvm = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Runtime.UNKNOWN; // another user's process: its mappings are not ours to read
        }
        return jvm ? Runtime.HOTSPOT : Runtime.NOT_JAVA;
    }

    private static boolean attachDisabled(Path dir, List<String> args) {
        if (hasDisableAttach(args)) {
            return true;
        }
        for (String var : nulSeparated(dir.resolve("environ"))) {
            int eq = var.indexOf('=');
            if (eq > 0 && OPTION_VARIABLES.contains(var.substring(0, eq))
                    && hasDisableAttach(List.of(var.substring(eq + 1).split("\\s+")))) {
                return true;
            }
        }
        return false;
    }

    /** The last of {@code -XX:+DisableAttachMechanism} and {@code -XX:-DisableAttachMechanism} wins, as in the JVM. */
    private static boolean hasDisableAttach(List<String> args) {
        boolean disabled = false;
        for (String a : args) {
            if (a.equals("-XX:+" + DISABLE_ATTACH)) {
                disabled = true;
            } else if (a.equals("-XX:-" + DISABLE_ATTACH)) {
                disabled = false;
            }
        }
        return disabled;
    }

    /** Stopped by a signal or a debugger: it cannot answer until it is resumed. */
    public boolean stopped() {
        return state == 'T' || state == 't';
    }

    /** Ended, and waiting for its parent to reap it. */
    public boolean zombie() {
        return state == 'Z' || state == 'X';
    }

    /** The state letter follows the command name in parentheses, which may itself hold spaces and parentheses. */
    private static char stateOf(Path dir) {
        String stat = firstLine(dir.resolve("stat")).orElse("");
        int close = stat.lastIndexOf(')');
        return close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
    }

    private static long uidOf(Path dir) {
        try {
            return ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String ownerOf(Path dir) {
        try {
            return Files.getOwner(dir).getName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Optional<String> firstLine(Path file) {
        try {
            String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> nulSeparated(Path file) {
        try {
            String s = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (s.isEmpty()) {
                return List.of();
            }
            return List.of(s.split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
