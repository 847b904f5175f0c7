package dev.threadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadlab.scenario.ScenarioEntry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The autopilot asks the dashboard from another thread: "until finished" right after a {@code set}
 * must wait for the run the set started, not answer from the run before it (a demo once quit early so).
 */
class DashboardFenceTest {

    private static final AutopilotScript.Until FINISHED = new AutopilotScript.Until("finished", Duration.ZERO);

    @Test
    void untilFinishedAfterASetWaitsForTheNewRun() throws Exception {
        ScenarioEntry pool = ScreenFixture.CATALOG.get("thread-pool");
        try (LiveDashboard live = new LiveDashboard("fence-test",
                pool.withParams(pool.params().with(Map.of("tasks", 2L, "taskTime", Duration.ofMillis(10)))))) {
            Dashboard d = live.dashboard;
            await().atMost(Duration.ofSeconds(20)).until(() -> d.reached(FINISHED, d.fence()));

            d.setParams(Map.of("tasks", 30L, "taskTime", Duration.ofSeconds(5)));
            long fence = d.fence();
            assertThat(d.reached(FINISHED, fence)).as("asked at once: the set is not taken in yet").isFalse();
            await().atMost(Duration.ofSeconds(20)).until(() -> d.passed(fence));
            assertThat(d.reached(FINISHED, fence)).as("the new run of 30 five-second tasks is not over").isFalse();
            live.close();
            assertThat(live.running()).isFalse();
        }
    }
}
