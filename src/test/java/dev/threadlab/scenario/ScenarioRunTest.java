package dev.threadlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadlab.HeadlessHarness;
import dev.threadlab.probe.RunState;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioRunTest {

    @Test
    void stoppingInterruptsEveryThreadAndLeavesNoneAlive() throws InterruptedException {
        ScenarioRun run = ScenarioRun.start(HeadlessHarness.entry("locked-counter", Map.of()));
        await().until(() -> run.ownThreads().stream().filter(Thread::isAlive).count() >= 3);
        assertThat(run.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(run.status()).isEqualTo(RunState.Status.STOPPED);
        assertThat(run.ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).as(t.getName()).isFalse());
        assertThat(run.runState().note()).isNull();
    }

    @Test
    void aPoolIsShutDownWhenItsScenarioIsStopped() throws InterruptedException {
        ScenarioRun run = ScenarioRun.start(HeadlessHarness.entry("thread-pool", Map.of("tasks", "1000")));
        await().until(() -> run.pools().get(0).poolSize() == 3);
        assertThat(run.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(run.ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).as(t.getName()).isFalse());
    }

    @Test
    void stepModeHoldsEachGateUntilAStepIsGiven() throws InterruptedException {
        ScenarioRun run = ScenarioRun.start(HeadlessHarness.entry("hello-thread", Map.of("pace", "0")), true);
        await().until(() -> "create hello (main)".equals(run.runState().nextStep()));
        assertThat(run.ownThreads()).hasSize(1); // only main: 'hello' is not created yet
        assertThat(run.step()).isTrue();
        await().until(() -> "start hello (main)".equals(run.runState().nextStep()));
        assertThat(run.ownThreads()).hasSize(2);
        assertThat(run.ownThreads().get(1).getState()).isEqualTo(Thread.State.NEW);
        run.setStepMode(false);
        assertThat(run.awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(run.status()).isEqualTo(RunState.Status.FINISHED);
    }

    @Test
    void aRunThatEndsReportsItsElapsedTimeFrozen() throws InterruptedException {
        ScenarioRun run = ScenarioRun.start(HeadlessHarness.entry("hello-thread", Map.of("pace", "0")));
        assertThat(run.awaitEnd(Duration.ofSeconds(5))).isTrue();
        long first = run.runState().elapsedMs();
        await().pollDelay(Duration.ofMillis(30)).until(() -> true);
        assertThat(run.runState().elapsedMs()).isEqualTo(first);
        assertThat(run.runState().status()).isEqualTo(RunState.Status.FINISHED);
    }

    @Test
    void readingTheStateChangesNothing() throws InterruptedException {
        ScenarioRun run = ScenarioRun.start(HeadlessHarness.entry("hello-thread", Map.of("pace", "0")));
        assertThat(run.awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(run.hasEnded()).as("ended, whether or not anyone sampled it").isTrue();
        RunState first = run.runState();
        assertThat(run.runState()).isEqualTo(first);
        assertThat(run.hasEnded()).isTrue();
    }
}
