package dev.threadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadlab.scenario.ScenarioEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A demo waits for what it promises, and when that does not come within the limit it says so and stops:
 * the captions after it would not be true (a race demo once said "Nothing is lost" of a run never seen).
 */
class AutopilotTest {
    private static final ScenarioEntry POOL = ScreenFixture.CATALOG.get("thread-pool");

    @Test
    void aMissedUntilStopsTheDemoBeforeItsNextCaption() throws Exception {
        List<String> shown = play(slowPool(), "caption first", "until finished 300ms", "caption not true yet", "quit");
        assertThat(shown).containsExactly("first", "Demo stopped: line 2: until finished: not reached within 300ms.");
    }

    @Test
    void aCounterConditionWaitsForTheValue() throws Exception {
        ScenarioEntry quick = POOL.withParams(POOL.params().with(Map.of("tasks", 4L, "taskTime", Duration.ofMillis(200))));
        List<String> shown = play(quick, "until completed>=1 30s", "caption one done", "until completed=4 30s",
                "caption all done", "quit");
        assertThat(shown).containsExactly("one done", "all done");
    }

    private static ScenarioEntry slowPool() {
        return POOL.withParams(POOL.params().with(Map.of("tasks", 30L, "taskTime", Duration.ofSeconds(5))));
    }

    /** Plays {@code lines} over a dashboard running {@code first} until the script quits; the captions it showed. */
    private static List<String> play(ScenarioEntry first, String... lines) throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        try (LiveDashboard live = new LiveDashboard("autopilot-test", first)) {
            Autopilot pilot = new Autopilot(
                    AutopilotScript.parse(List.of(lines), "t.autopilot", first, ScreenFixture.CATALOG), live.dashboard,
                    shown::add);
            pilot.start();
            try {
                await().atMost(Duration.ofSeconds(40)).until(() -> !live.running());
            } finally {
                pilot.stop();
            }
        }
        return shown;
    }
}
