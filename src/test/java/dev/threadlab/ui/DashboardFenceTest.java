package dev.threadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.ScenarioSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The autopilot asks the dashboard from another thread: "until finished" right after a {@code set}
 * must wait for the run the set started, not answer from the run before it (a demo once quit early so).
 */
class DashboardFenceTest {

    @Test
    void untilFinishedAfterASetWaitsForTheNewRun() throws Exception {
        Screen screen = Dashboard.startScreen(new DefaultVirtualTerminal(new TerminalSize(100, 30)));
        Engine engine = new Engine(new ScenarioSource("fence-test"),
                new Engine.Settings(Duration.ofMillis(50), null, null, false));
        Dashboard d = new Dashboard(screen, new Theme(Theme.Depth.INDEXED256, Glyphs.UNICODE), ScreenFixture.CATALOG,
                engine, true, false);
        engine.add(d);
        engine.start();
        Thread loop = new Thread(() -> {
            try {
                dev.threadlab.scenario.ScenarioEntry pool = ScreenFixture.CATALOG.get("thread-pool");
                d.run(pool.withParams(pool.params().with(Map.of("tasks", 2L, "taskTime", Duration.ofMillis(10)))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "fence-test-screen");
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> d.reached("finished", d.fence()));

            d.setParams(Map.of("tasks", 30L, "taskTime", Duration.ofSeconds(5)));
            long fence = d.fence();
            assertThat(d.reached("finished", fence)).as("asked at once: the set is not taken in yet").isFalse();
            await().atMost(Duration.ofSeconds(20)).until(() -> d.passed(fence));
            assertThat(d.reached("finished", fence)).as("the new run of 30 five-second tasks is not over").isFalse();
        } finally {
            d.requestQuit();
            loop.join(10_000);
            engine.close();
            screen.stopScreen();
        }
        assertThat(loop.isAlive()).isFalse();
    }
}
