package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way out of the dashboard, in a real terminal (tmux): the terminal's modes as they were (tty
 * settings, main screen, cursor shown, no mouse reporting), no process left, and where something went
 * wrong one line on stderr that names the log, which holds the details. (SIGHUP, the terminal hanging
 * up, is {@link DashboardIT#aDroppedConnectionLeavesNoProcessBehind}; an SSH client killed is SshIT.)
 */
class ExitMatrixIT {
    private static final Duration SHOWS_UP = Duration.ofSeconds(30);
    private static final String CLEAN = "alternate=0 cursor=1 mouse=0";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    /** A way out: what the JVM is started with, what ends it, and the exit code it ends with. */
    enum Way {
        Q("", 0, null),
        CTRL_C("", 0, null),
        SIGTERM("", 143, null),
        /** The dashboard's loop throws after its first frame. */
        RENDER_FAULT("-Dthreadlab.inject=render", 1, "injected by threadlab.inject=render"),
        /** A scenario thread throws; the user quits. */
        SCENARIO_THROW("-Dthreadlab.inject=scenario-throw", 1, "injected by threadlab.inject=scenario-throw");
        // An OutOfMemoryError in a scenario thread (-Dthreadlab.inject=scenario-oom) is not here yet: with a
        // small heap it can reach the screen's thread before the first frame, and the run then ends unseen.

        final String jvm;
        final int exitCode;
        /** What the log holds of what went wrong, or null when nothing did. */
        final String logged;

        Way(String jvm, int exitCode, String logged) {
            this.jvm = jvm;
            this.exitCode = exitCode;
            this.logged = logged;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Way.class)
    void leavesTheTerminalAsItWas(Way way) throws Exception {
        Path err = dir.resolve("err");
        try (Tmux t = new Tmux(dir, 80, 24, "xterm-256color")) {
            String before = t.modes();
            assertThat(before).isEqualTo(CLEAN);
            t.runThreadlab(way.jvm, "run race-counter", "2> " + err);
            if (way != Way.RENDER_FAULT) {
                awaitScreen(t, "race-counter", "counter-1");
                assertThat(t.modes()).as("the dashboard has the alternate screen").startsWith("alternate=1");
            }
            switch (way) {
                case Q, SCENARIO_THROW -> t.keys("q");
                case CTRL_C -> t.keys("C-c");
                case SIGTERM -> t.java().orElseThrow().destroy();
                case RENDER_FAULT -> { }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> t.exitCode().isPresent());
            assertThat(t.exitCode()).contains(way.exitCode);
            assertThat(t.modes()).as("terminal modes after " + way).isEqualTo(CLEAN);
            assertThat(t.sttyUnchanged()).as("tty settings after " + way).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> t.java().isEmpty());

            List<String> said = Files.readAllLines(err);
            if (way.logged != null) {
                assertThat(said).as("stderr after " + way).hasSize(1);
                assertThat(said.get(0)).startsWith("threadlab: ").contains("(details in " + dir.resolve("log") + ")")
                        .doesNotContain("\tat ");
                assertThat(Files.readString(dir.resolve("log"))).contains(way.logged);
            } else {
                assertThat(said).as("stderr after " + way).isEmpty();
            }
        }
    }

    @Test
    void ctrlZGivesTheTerminalBackAndFgTakesItAgain() throws Exception {
        try (Tmux t = new Tmux(dir, 80, 24, "xterm-256color")) {
            // One command, not a list: bash goes on to a list's next command when the first is stopped.
            t.type("stty -g > " + dir.resolve("stty.before"));
            t.type(Tmux.JAVA + " -D" + t.marker + " -jar " + Tmux.JAR + " run race-counter");
            awaitScreen(t, "race-counter", "counter-1");
            long pid = t.java().orElseThrow().pid();

            t.keys("C-z");
            awaitScreen(t, "Stopped");
            assertThat(t.modes()).as("stopped: the shell's screen").isEqualTo(CLEAN);
            t.type("stty -g > " + dir.resolve("stty.stopped"));
            Path stopped = dir.resolve("stty.stopped");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(stopped) && Files.size(stopped) > 0);
            assertThat(Files.readString(stopped)).as("stopped: the shell's tty settings")
                    .isEqualTo(Files.readString(dir.resolve("stty.before")));
            assertThat(ProcessHandle.of(pid)).as("stopped, not ended").isPresent();

            t.type("fg");
            await().atMost(SHOWS_UP).until(() -> t.modes().startsWith("alternate=1"));
            String back = awaitScreen(t, "race-counter", "counter-1", "q quit");
            assertThat(back).as("redrawn whole").contains("Timeline", "Counters");
            long doneBefore = number(back);
            await().atMost(SHOWS_UP).until(() -> number(t.screen()) > doneBefore); // it runs again

            t.keys("q");
            await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(pid).isEmpty());
            t.type("echo $? > " + dir.resolve("rc") + "; stty -g > " + dir.resolve("stty.after"));
            await().atMost(Duration.ofSeconds(10)).until(() -> t.exitCode().isPresent()
                    && Files.exists(dir.resolve("stty.after")) && Files.size(dir.resolve("stty.after")) > 0);
            assertThat(t.exitCode()).contains(0);
            assertThat(t.sttyUnchanged()).isTrue();
            assertThat(t.modes()).isEqualTo(CLEAN);
        }
    }

    /** The run's 'done' counter on screen, or -1. */
    private static long number(String screen) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("done\\s+([\\d,]+)").matcher(screen);
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
}
