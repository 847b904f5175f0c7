package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings made by the real jar, replayed by it: headless, and on the dashboard in tmux with its keys. */
class ReplayIT {
    private static final Duration SHOWS_UP = Duration.ofSeconds(30);
    private static final Pattern TICK = Pattern.compile("tick (\\d+)/(\\d+)");
    private static final Pattern LOST = Pattern.compile("lost\\s+([\\d,]+)");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    private String threadlab(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Tmux.JAVA, "-jar", Tmux.JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".jsonl");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("threadlab ended").isTrue();
        assertThat(p.exitValue()).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String awaitScreen(Tmux t, Pattern p) {
        AtomicReference<String> last = new AtomicReference<>("");
        await().atMost(SHOWS_UP).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(t.screen());
            return p.matcher(last.get()).find();
        });
        return last.get();
    }

    private static long tick(String screen) {
        Matcher m = TICK.matcher(screen);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long lost(String screen) {
        Matcher m = LOST.matcher(screen);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    /** Waits until the header shows tick {@code n}; the screen then. */
    private static String atTick(Tmux t, long n) {
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            await().atMost(SHOWS_UP).pollInterval(Duration.ofMillis(100)).until(() -> {
                last.set(t.screen());
                return tick(last.get()) == n;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the screen never showed tick " + n + ":\n" + last.get(), e);
        }
        return last.get();
    }

    @Test
    void theReplayKeysMoveTheTickAndTheCountersShowWhatWasRecorded() throws Exception {
        Path file = dir.resolve("r.jsonl.gz");
        String stdout = threadlab("run", "race-counter", "--headless", "--duration", "8s", "--save", file.toString());
        List<JsonNode> samples = HeadlessHarness.parse(stdout).stream()
                .filter(l -> l.path("type").asText().equals("sample")).toList();
        assertThat(samples.size()).isGreaterThan(6);

        try (Tmux t = new Tmux(dir, 80, 24, "xterm-256color")) {
            t.runThreadlab("replay " + file);
            awaitScreen(t, TICK);
            t.keys("Left"); // a step holds the replay where it is
            t.keys("Home");
            String first = atTick(t, 1);
            assertThat(lost(first)).isEqualTo(samples.get(0).path("counters").path("lost").asLong());
            t.keys("]");
            String eleven = atTick(t, 11);
            assertThat(lost(eleven)).isEqualTo(samples.get(10).path("counters").path("lost").asLong());
            t.keys("Left");
            String ten = atTick(t, 10);
            assertThat(lost(ten)).isEqualTo(samples.get(9).path("counters").path("lost").asLong());
            assertThat(ten).contains("tick 10/" + samples.size());
            t.keys("s");
            await().atMost(SHOWS_UP).until(() -> t.screen().contains("live runs only"));
            t.keys("q");
            await().atMost(Duration.ofSeconds(15)).until(() -> t.exitCode().isPresent());
            assertThat(t.exitCode()).contains(0);
            assertThat(t.sttyUnchanged()).as("terminal modes restored").isTrue();
        }
    }

    @Test
    void aDashboardSessionOfTheDeadlockReplaysWithItsCycle() throws Exception {
        Path file = dir.resolve("deadlock.jsonl");
        Path script = dir.resolve("deadlock.autopilot");
        Files.writeString(script, "until deadlock 20s\nwait 1s\nquit\n");
        threadlab("run", "deadlock", "--save", file.toString(), "--autopilot", script.toString(), "--record",
                dir.resolve("d.cast").toString(), "--size", "100x30");
        List<JsonNode> samples = HeadlessHarness.parse(threadlab("replay", file.toString(), "--headless")).stream()
                .filter(l -> l.path("type").asText().equals("sample")).toList();
        assertThat(samples).anySatisfy(s -> assertThat(s.path("deadlocked").size()).isEqualTo(2));

        try (Tmux t = new Tmux(dir, 100, 30, "xterm-256color")) {
            t.runThreadlab("replay " + file);
            awaitScreen(t, TICK);
            t.keys("End");
            // The last ticks show the workers freed by the stop: step back into the deadlock.
            long deadlocked = 0;
            for (JsonNode s : samples) {
                deadlocked++;
                if (s.path("deadlocked").size() == 2) {
                    break;
                }
            }
            t.keys("Home");
            atTick(t, 1);
            for (int i = 1; i < deadlocked; i++) {
                t.keys("Right");
            }
            String shown = atTick(t, deadlocked);
            assertThat(shown).contains("DEADLOCK").contains("worker-1").contains("worker-2");
            t.keys("q");
            await().atMost(Duration.ofSeconds(15)).until(() -> t.exitCode().isPresent());
            assertThat(t.exitCode()).contains(0);
        }
    }

    @Test
    void aRecordingCutByACrashPlaysAndSaysSo() throws Exception {
        Path file = dir.resolve("r.jsonl");
        threadlab("run", "race-counter", "--headless", "--duration", "3s", "--save", file.toString());
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 30));
        try (Tmux t = new Tmux(dir, 80, 24, "xterm-256color")) {
            t.runThreadlab("replay " + file);
            awaitScreen(t, TICK);
            t.keys("End");
            await().atMost(SHOWS_UP).until(() -> t.screen().contains("ends early"));
            t.keys("q");
            await().atMost(Duration.ofSeconds(15)).until(() -> t.exitCode().isPresent());
            assertThat(t.exitCode()).contains(0);
        }
    }
}
