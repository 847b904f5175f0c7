package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dashboard as a person sees it: the real jar in tmux, keys pressed, the screen read back. */
class DashboardIT {
    private static final Duration SHOWS_UP = Duration.ofSeconds(30);
    private static final Pattern LOST = Pattern.compile("lost\\s+([\\d,]+)");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    private static long lost(String screen) {
        Matcher m = LOST.matcher(screen);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    private static String awaitScreen(Tmux t, String... texts) {
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            await().atMost(SHOWS_UP).pollInterval(Duration.ofMillis(200)).until(() -> {
                last.set(t.screen());
                for (String s : texts) {
                    if (!last.get().contains(s)) {
                        return false;
                    }
                }
                return true;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("screen never showed " + String.join(", ", texts) + ":\n" + last.get(), e);
        }
        return last.get();
    }

    private static void quitsCleanly(Tmux t) throws IOException {
        t.keys("q");
        await().atMost(Duration.ofSeconds(15)).until(() -> t.exitCode().isPresent());
        assertThat(t.exitCode()).contains(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> t.java().isEmpty());
        assertThat(t.sttyUnchanged()).as("terminal modes restored").isTrue();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"80,24", "120,40"})
    void theRaceShowsStatesStripsAndLiveCountersThenQuitsClean(int width, int height) throws Exception {
        try (Tmux t = new Tmux(dir, width, height, "xterm-256color")) {
            t.runThreadlab("run race-counter");
            String first = awaitScreen(t, "race-counter", "counter-1", "counter-2", "RUNNABLE", "lost");
            assertThat(first).contains("Timeline", "Counters", "q quit");
            assertThat(first).containsPattern("counter-1\\s*│?\\s*R+");
            long before = lost(first);
            await().atMost(SHOWS_UP).until(() -> lost(t.screen()) > Math.max(0, before));
            assertThat(t.screen().lines().filter(l -> l.length() > width)).isEmpty();
            quitsCleanly(t);
        }
    }

    @Test
    void aDroppedConnectionLeavesNoProcessBehind() throws Exception {
        try (Tmux t = new Tmux(dir, 80, 24, "xterm-256color")) {
            t.runThreadlab("run locked-counter");
            awaitScreen(t, "locked-counter", "counter-1");
            Optional<ProcessHandle> java = t.java();
            assertThat(java).isPresent();
            t.killSession(); // the terminal hangs up: SIGHUP
            await().atMost(Duration.ofSeconds(15)).until(() -> !java.get().isAlive());
        }
    }

    @Test
    void keysWorkAtEightyByTwentyFour() throws Exception {
        try (Tmux t = new Tmux(dir, 80, 24, "screen-256color")) {
            t.runThreadlab("run thread-pool --set tasks=1000 --set taskTime=200ms");
            awaitScreen(t, "thread-pool", "pool-worker-1", "squares");
            t.keys("?");
            awaitScreen(t, "Keys", "sort: name, state, CPU");
            t.keys("x"); // any key closes the help
            await().atMost(SHOWS_UP).until(() -> !t.screen().contains("Keys any key"));

            t.keys("/");
            t.literal("worker-2");
            t.keys("Enter");
            String filtered = awaitScreen(t, "matching 'worker-2'");
            assertThat(filtered).contains("pool-worker-2").doesNotContain("pool-worker-1 ");

            t.keys("Escape");
            t.keys("a");
            awaitScreen(t, "live in the JVM", "threadlab-main");

            t.keys("Enter");
            awaitScreen(t, "Stack of");
            t.keys("Escape");

            t.keys("Tab", "Tab", "Tab", "Tab");
            awaitScreen(t, "queued");

            t.keys("p");
            awaitScreen(t, "Scenarios", "hello-thread");
            t.keys("Escape");

            t.keys("s"); // stop the scenario
            awaitScreen(t, "stopped");
            quitsCleanly(t);
        }
    }

    @Test
    void resizingDownToTooSmallAndBackRedraws() throws Exception {
        try (Tmux t = new Tmux(dir, 100, 30, "xterm-256color")) {
            t.runThreadlab("run race-counter");
            awaitScreen(t, "counter-1");
            t.resize(50, 12);
            awaitScreen(t, "needs at least 60x16 (this is 50x12)");
            t.resize(80, 24);
            awaitScreen(t, "counter-1", "Timeline");
            quitsCleanly(t);
        }
    }

    @Test
    void plainTerminalsGetAsciiAndNoColour() throws Exception {
        try (Tmux t = new Tmux(dir, 80, 24, "linux")) {
            t.runThreadlab("run hello-thread --ascii");
            String screen = awaitScreen(t, "hello-thread", "+ Threads");
            assertThat(screen.chars().allMatch(c -> c < 128)).isTrue();
            quitsCleanly(t);
        }
    }

    @Test
    void noScenarioOpensThePicker() throws Exception {
        try (Tmux t = new Tmux(dir, 80, 24, "xterm")) {
            t.runThreadlab("");
            awaitScreen(t, "Scenarios", "race-counter", "Enter runs one");
            t.keys("Down");
            t.keys("Enter");
            awaitScreen(t, "interleaving", "numbers", "letters");
            quitsCleanly(t);
        }
    }

    @Test
    void watchingAJvmThatGoesAwayShowsABannerAndQuitsClean() throws Exception {
        Path out = dir.resolve("target.out");
        Process target = new ProcessBuilder(Tmux.JAVA, "-cp", System.getProperty("java.class.path"),
                "dev.threadlab.target.StatesTarget").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try (Tmux t = new Tmux(dir, 100, 30, "xterm-256color")) {
            await().atMost(SHOWS_UP).until(() -> java.nio.file.Files.readString(out).contains("ready"));
            t.runThreadlab("attach " + target.pid());
            String screen = awaitScreen(t, "watching pid " + target.pid(), "sync-deadlock-1 holds", "DEADLOCK");
            assertThat(screen).contains("JVM threads");
            target.destroyForcibly();
            awaitScreen(t, "connection lost");
            quitsCleanly(t);
        } finally {
            target.destroyForcibly();
        }
    }
}
