package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every demo, recorded unattended as CI would (no terminal, stdin from /dev/null) by
 * {@code record-all.sh} once, with two busy loops spinning beside it the whole time, each checked as a
 * valid asciicast whose replay, in a real terminal of the cast's size, shows what the lesson
 * promised. Recording takes minutes: CI runs it on one JDK (-Ddemos.skip=true on the other).
 */
class DemoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOST = Pattern.compile("lost\\s+([\\d,]+)");

    @TempDir
    static Path dir;

    /** What record-all.sh said, and how it exited. */
    private static String recordAllSaid;
    private static int recordAllExit;

    @BeforeAll
    static void recordAllBesideTwoBusyLoops() throws Exception {
        assumeFalse(Boolean.getBoolean("demos.skip"), "demos are recorded on one JDK only");
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        // A demo keeps its promises on a busy machine: two loops take what they can of the cores meanwhile.
        List<Process> busy = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            busy.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
        try {
            Process p = new ProcessBuilder("demo-scripts/record-all.sh", dir.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(dir.resolve("record-all.out").toFile())
                    .redirectErrorStream(true)
                    .start();
            assertThat(p.waitFor(15, TimeUnit.MINUTES)).as("record-all.sh ends by itself").isTrue();
            recordAllExit = p.exitValue();
            recordAllSaid = Files.readString(dir.resolve("record-all.out"));
        } finally {
            for (Process b : busy) {
                b.destroyForcibly();
                b.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void recordAllEndsWell() {
        assertThat(recordAllExit).as(recordAllSaid).isZero();
    }

    /** A promise about a demo's screen at some point of its cast. */
    record Promise(String what, Predicate<JsonNode> upTo, Predicate<String> screen, boolean colours) {
        Promise(String what, Predicate<JsonNode> upTo, Predicate<String> screen) {
            this(what, upTo, screen, false);
        }
    }

    static Stream<Arguments> demos() {
        return Stream.of(
                Arguments.of("hello", List.of(
                        new Promise("step mode names the next step", before("'.': main is now WAITING"),
                                s -> s.contains("STEP next:")),
                        new Promise("hello ends TERMINATED", all(),
                                s -> s.contains("hello ") && s.contains("TERMINATED")))),
                Arguments.of("interleaving", List.of(
                        new Promise("both threads printed", all(),
                                s -> s.contains("numbers") && s.contains("letters") && s.contains("finished")))),
                Arguments.of("race", List.of(
                        new Promise("updates were lost without the lock", before("Now the same counter"),
                                s -> lost(s) > 0),
                        new Promise("none lost with the lock, and the locked run's result shown", all(),
                                s -> s.contains("lock=synchronized") && lost(s) == 0
                                        && Pattern.compile("(^|\\s)0 updates lost").matcher(s).find()))),
                Arguments.of("pool", List.of(
                        new Promise("results in order", before("Now 30 tasks"), s -> s.contains("[1, 4, 9, 16, 25]")),
                        new Promise("30 tasks done", all(), s -> s.contains("done 30")))),
                Arguments.of("deadlock", List.of(
                        new Promise("the cycle is named before the stop", before("s stops the run"),
                                s -> s.contains("DEADLOCK") && s.contains("worker-1 holds A, wants B")
                                        && s.contains("worker-2 holds B, wants A")),
                        new Promise("the stop frees both workers", before("With synchronized"),
                                s -> s.contains("stopped") && number(s, "freed") == 2),
                        new Promise("monitors stay blocked after the stop", all(),
                                s -> s.contains("lock=synchronized") && s.contains("BLOCKED") && number(s, "freed") == 0))),
                Arguments.of("producer-consumer", List.of(
                        new Promise("producers waited on a full buffer", before("Producers rest"),
                                s -> timelineWaits(s, "producer-") && number(s, "maxDepth") == 5),
                        new Promise("consumers waited on an empty one; every item used", all(),
                                s -> timelineWaits(s, "consumer-") && number(s, "consumed") == 40
                                        && number(s, "maxDepth") == 5))),
                Arguments.of("semaphore", List.of(
                        new Promise("others wait on the semaphore", before("One out lets"),
                                s -> s.contains("Semaphore 'permits'") && number(s, "inside") <= 2),
                        new Promise("never more inside than two permits", before("Now three permits"),
                                s -> number(s, "maxConcurrent") == 2 && number(s, "entries") == 12),
                        new Promise("three with three permits", all(),
                                s -> s.contains("permits=3") && number(s, "maxConcurrent") == 3))),
                Arguments.of("cpu", List.of(
                        // What the machine gave is said, whatever it gave: near 2 cores if free, fewer when busy.
                        new Promise("two threads, no GIL: the cores they got, and why", before("Now CPython's way"),
                                s -> s.contains("false") && decimal(s, "coresUsed") > 0
                                        && s.contains("2 threads got") && decimal(s, "speedup") > 0),
                        new Promise("with the GIL: at most one core", all(),
                                s -> s.contains("cpu-bound-gil") && decimal(s, "coresUsed") > 0
                                        && decimal(s, "coresUsed") <= 1.1 && s.contains("the GIL lets one")))),
                Arguments.of("io", List.of(
                        new Promise("the waiting client is RUNNABLE, in blue, at no CPU", before("It waits in a socket read"),
                                s -> Pattern.compile("client +\\u001b\\[38;5;39mRUNNABLE +\\u001b\\[39m +[0-9]\\.")
                                        .matcher(s).find(), true),
                        new Promise("four clients: speedup at least 3", all(),
                                s -> number(s, "answered") == 16 && decimal(s, "speedup") >= 3.0))));
    }

    /** A timeline row of a thread whose name starts with {@code prefix} has a W in it. */
    private static boolean timelineWaits(String screen, String prefix) {
        return Pattern.compile("(?m)" + Pattern.quote(prefix) + "\\d +[nRBWST.]*W[nRBWST.]*\u2502").matcher(screen).find();
    }

    /** The first whole number after {@code name} (a counter's value), or -1. */
    private static long number(String screen, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\s+([\\d,]+)\\b").matcher(screen);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    /** The first decimal after {@code name}, or NaN. */
    private static double decimal(String screen, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\s+(\\d+\\.\\d+)").matcher(screen);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static Predicate<JsonNode> all() {
        return e -> true;
    }

    /** Events before the marker (a caption of the demo) that starts with {@code caption}. */
    private static Predicate<JsonNode> before(String caption) {
        boolean[] seen = {false};
        return e -> {
            seen[0] |= e.get(1).asText().equals("m") && e.get(2).asText().startsWith(caption);
            return !seen[0];
        };
    }

    private static long lost(String screen) {
        Matcher m = LOST.matcher(screen);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void recordsUnattendedAndShowsWhatItPromised(String name, List<Promise> promises) throws Exception {
        Path cast = dir.resolve(name + ".cast");
        assertThat(recordAllSaid).as("record-all.sh recorded " + name).doesNotContain("FAILED: " + name)
                .contains(cast + "  (");

        List<String> lines = Files.readAllLines(cast, StandardCharsets.UTF_8);
        JsonNode header = JSON.readTree(lines.get(0));
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("width").asInt()).isEqualTo(100);
        assertThat(header.get("height").asInt()).isEqualTo(30);
        List<JsonNode> events = new ArrayList<>();
        double last = 0;
        for (String l : lines.subList(1, lines.size())) {
            JsonNode e = JSON.readTree(l);
            assertThat(e.get(0).asDouble()).as("times never go back").isGreaterThanOrEqualTo(last);
            last = e.get(0).asDouble();
            events.add(e);
        }
        assertThat(last).as("length").isBetween(3.0, 120.0);
        for (Promise promise : promises) {
            String screen = replay(events, promise.upTo(), name, promise.colours());
            assertThat(promise.screen().test(screen)).as(name + ": " + promise.what() + "\n" + screen).isTrue();
        }
    }

    /** The screen after the cast's output up to a point, replayed into a real terminal (tmux) of its size (with its colours' escapes if asked). */
    private static String replay(List<JsonNode> events, Predicate<JsonNode> upTo, String name, boolean colours)
            throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        for (JsonNode e : events) {
            String data = e.get(2).asText();
            if (!upTo.test(e)) {
                break;
            }
            if (e.get(1).asText().equals("o") && !data.contains("\u001b[?1049l")) {
                out.append(data);
            }
        }
        Path bytes = dir.resolve(name + ".replay");
        Files.writeString(bytes, out, StandardCharsets.UTF_8);
        String socket = "threadlab-replay-" + name + System.nanoTime();
        run("tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "30",
                "cat " + bytes + "; sleep 30");
        try {
            // The replay is done once the screen has its header and holds still between two looks.
            String[] seen = {""};
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                String now = run("tmux", "-L", socket, "capture-pane", "-p");
                boolean settled = now.contains("? help") && now.equals(seen[0]);
                seen[0] = now;
                return settled;
            });
            return colours ? run("tmux", "-L", socket, "capture-pane", "-p", "-e") : seen[0];
        } finally {
            run("tmux", "-L", socket, "kill-server");
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
