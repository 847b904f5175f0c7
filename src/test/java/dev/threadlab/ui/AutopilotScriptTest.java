package dev.threadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.input.KeyType;
import dev.threadlab.config.ConfigError;
import dev.threadlab.scenario.ScenarioEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutopilotScriptTest {
    private static final ScenarioEntry RACE = ScreenFixture.CATALOG.get("race-counter");

    private static AutopilotScript parse(String... lines) {
        return AutopilotScript.parse(List.of(lines), "demo.autopilot", RACE, ScreenFixture.CATALOG);
    }

    private static String error(String... lines) {
        try {
            parse(lines);
        } catch (ConfigError e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    void readsEveryAction() {
        AutopilotScript s = parse(
                "# a comment",
                "caption Two threads # and a hash in a caption",
                "wait 1s   # trailing comment",
                "key tab",
                "key s",
                "set lock=synchronized threads=4",
                "start", "stop", "restart", "step", "continue",
                "until finished 20s",
                "run thread-pool",
                "set tasks=30",
                "",
                "quit");
        assertThat(s.steps()).hasSize(14);
        assertThat(s.steps().get(0)).isEqualTo(new AutopilotScript.Caption("Two threads # and a hash in a caption"));
        assertThat(s.steps().get(1)).isEqualTo(new AutopilotScript.Wait(Duration.ofSeconds(1)));
        assertThat(((AutopilotScript.Key) s.steps().get(2)).key().getKeyType()).isEqualTo(KeyType.Tab);
        assertThat(((AutopilotScript.Key) s.steps().get(3)).key().getCharacter()).isEqualTo('s');
        AutopilotScript.Set set = (AutopilotScript.Set) s.steps().get(4);
        assertThat(set.values()).containsEntry("lock", "synchronized").containsEntry("threads", 4L);
        assertThat(s.steps().get(10)).isEqualTo(new AutopilotScript.Until("finished", Duration.ofSeconds(20), 12));
        assertThat(((AutopilotScript.Run) s.steps().get(11)).entry().id()).isEqualTo("thread-pool");
        assertThat(s.steps().get(13)).isInstanceOf(AutopilotScript.Quit.class);
        assertThat(s.longest()).isEqualTo(Duration.ofSeconds(21));
    }

    @Test
    void aBadLineIsReportedWithFileAndLine() {
        assertThat(error("wait 1s", "wiat 2s")).isEqualTo("demo.autopilot:2: unknown action 'wiat' (expected: "
                + AutopilotScript.ACTIONS + ")");
        assertThat(error("wait soon")).startsWith("demo.autopilot:1: expected a duration like 250ms");
        assertThat(error("key ctrl-q")).startsWith("demo.autopilot:1: unknown key 'ctrl-q'");
        assertThat(error("set lok=synchronized")).isEqualTo("demo.autopilot:1: race-counter has no parameter 'lok' "
                + "(it has: threads, increments, work, lock)");
        assertThat(error("set threads=0")).isEqualTo("demo.autopilot:1: threads must be 1..4096, got 0");
        assertThat(error("run nope")).startsWith("demo.autopilot:1: unknown scenario 'nope'");
        assertThat(error("until done 3s")).startsWith("demo.autopilot:1: expected 'until finished TIME'");
        assertThat(error("until lost>many 3s")).startsWith("demo.autopilot:1: expected 'until finished TIME'");
        assertThat(error("until lost>0")).startsWith("demo.autopilot:1: expected 'until finished TIME'");
        assertThat(error("quit now")).isEqualTo("demo.autopilot:1: quit takes nothing after it, got 'now'");
    }

    @Test
    void untilWaitsForACounterValue() {
        AutopilotScript s = parse("until lost>0 5s", "until done>=2000000 1m", "until inside=2 5s", "until depth<5 5s",
                "until speedup<=1.3 5s");
        assertThat(s.steps()).extracting(st -> ((AutopilotScript.Until) st).condition())
                .containsExactly("lost>0", "done>=2000000", "inside=2", "depth<5", "speedup<=1.3");
        assertThat(((AutopilotScript.Until) s.steps().get(1)).line()).isEqualTo(2);
        dev.threadlab.probe.Snapshot snap = new dev.threadlab.probe.Snapshot(0, List.of(), List.of(),
                java.util.Map.of("lost", 3, "done", 2_000_000L, "inside", 1, "depth", 4, "speedup", 1.3),
                java.util.Map.of(), List.of(), List.of(), null, 0, 0);
        assertThat(s.steps()).extracting(st -> ((AutopilotScript.Until) st).holds(snap))
                .containsExactly(true, true, false, true, true);
        assertThat(new AutopilotScript.Until("missing>0", Duration.ZERO).holds(snap)).as("no such counter yet").isFalse();
    }

    @Test
    void setIsCheckedAgainstTheScenarioRunningAtThatLine() {
        assertThat(error("run thread-pool", "set lock=none")).startsWith("demo.autopilot:2: thread-pool has no "
                + "parameter 'lock'");
    }

    @Test
    void aMissingFileIsOneLine() {
        assertThatThrownBy(() -> AutopilotScript.load(Path.of("no/such.autopilot"), RACE, ScreenFixture.CATALOG))
                .hasMessage("no/such.autopilot: no such file");
    }

    @Test
    void everyDemoInTheRepositoryParses() throws Exception {
        try (var files = java.nio.file.Files.list(Path.of("demo-scripts"))) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".autopilot")).toList();
            assertThat(scripts).isNotEmpty();
            for (Path p : scripts) {
                String name = p.getFileName().toString().replace(".autopilot", "");
                String sh = java.nio.file.Files.readString(p.resolveSibling(name + ".sh"));
                String id = sh.substring(sh.indexOf("play.sh\" ") + 9).split(" ")[0];
                AutopilotScript s = AutopilotScript.load(p, ScreenFixture.CATALOG.get(id), ScreenFixture.CATALOG);
                // Every wait has a limit: a demo whose moment never comes still ends (and says which line missed).
                assertThat(s.longest()).as(name + " ends in time").isLessThanOrEqualTo(Duration.ofMinutes(5));
                assertThat(s.steps()).as(name + ": waits for its moments, not for a fixed time alone")
                        .anyMatch(AutopilotScript.Until.class::isInstance);
                assertThat(s.steps()).as(name + " ends by itself").last().isInstanceOf(AutopilotScript.Quit.class);
                // The caption line is 80 columns at 80x24, less a margin each side: longer is cut with an ellipsis.
                assertThat(s.steps()).filteredOn(AutopilotScript.Caption.class::isInstance)
                        .extracting(c -> ((AutopilotScript.Caption) c).text())
                        .as(name + ": captions read whole at 80x24").allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(78));
            }
        }
    }
}
