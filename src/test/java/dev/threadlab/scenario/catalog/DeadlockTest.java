package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import dev.threadlab.MainProcess;
import dev.threadlab.scenario.ScenarioRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadlockTest {

    @Test
    void theSamplesReportBothWorkersDeadlockedEachWaitingForTheOthersLock() {
        Result r = HeadlessHarness.run("deadlock", Map.of("pace", "100ms"), Duration.ofMillis(100),
                Duration.ofMillis(1500));
        long w1 = id(r, "worker-1");
        long w2 = id(r, "worker-2");
        assertThat(r.samples()).anySatisfy(s -> {
            List<Long> dead = new ArrayList<>();
            s.get("deadlocked").forEach(n -> dead.add(n.asLong()));
            assertThat(dead).contains(w1, w2);
        });
        JsonNode stuck = last(r, "worker-1", t -> t.get("cause").asText().equals("parked"));
        assertThat(stuck.get("lock").asText()).isEqualTo("ReentrantLock 'B'");
        assertThat(stuck.get("lockOwner").asText()).isEqualTo("worker-2");
        JsonNode other = last(r, "worker-2", t -> t.get("cause").asText().equals("parked"));
        assertThat(other.get("lock").asText()).isEqualTo("ReentrantLock 'A'");
        assertThat(other.get("lockOwner").asText()).isEqualTo("worker-1");
    }

    @Test
    void stoppingFreesTheReentrantDeadlockAndLeavesNoThread() {
        Result r = HeadlessHarness.run("deadlock", Map.of("pace", "50ms"), Duration.ofMillis(100),
                Duration.ofMillis(1000));
        JsonNode s = r.summary();
        assertThat(s.get("status").asText()).isEqualTo("stopped");
        assertThat(s.get("counters").get("freed").asInt()).isEqualTo(2);
        assertThat(s.get("deadlocked")).isEmpty();
        assertThat(s.has("note")).isFalse();
        assertThat(r.run().ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).as(t.getName()).isFalse());
        assertThat(r.statesOf("worker-1")).last().isEqualTo("TERMINATED");
    }

    @Test
    void stepModeWalksThroughCreateStartAndEachLock() throws InterruptedException {
        ScenarioRun run = ScenarioRun.start(HeadlessHarness.entry("deadlock", Map.of("pace", "0")), true);
        List<String> steps = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                String next = await().atMost(Duration.ofSeconds(10)).until(() -> run.runState().nextStep(),
                        n -> n != null);
                steps.add(next);
                run.step();
                await().atMost(Duration.ofSeconds(10)).until(() -> !next.equals(run.runState().nextStep()));
                if (steps.size() == 1) {
                    // after "create": both exist, neither started
                    assertThat(run.ownThreads().subList(1, 3)).extracting(Thread::getState)
                            .containsExactly(Thread.State.NEW, Thread.State.NEW);
                }
            }
        } finally {
            assertThat(run.stop(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(steps.subList(0, 3)).containsExactly("create worker-1 and worker-2 (main)", "start worker-1 (main)",
                "start worker-2 (main)");
        assertThat(steps.subList(3, 7)).contains("take lock A (worker-1)", "take lock B (worker-2)",
                "take lock B (worker-1)", "take lock A (worker-2)");
        assertThat(run.ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void aSynchronizedDeadlockIsLeftBehindAsDaemonsAndTheJvmStillExits(@TempDir Path dir) throws Exception {
        MainProcess.Ran r = MainProcess.run(dir, Duration.ofSeconds(30), "run", "deadlock", "--headless",
                "--set", "lock=synchronized", "--set", "pace=100ms", "--interval", "100ms", "--duration", "1500ms");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode s = r.summary();
        assertThat(s.get("status").asText()).isEqualTo("stopped");
        assertThat(s.get("deadlocked")).hasSize(2);
        assertThat(s.get("counters").get("freed").asInt()).isZero();
        assertThat(s.get("note").asText()).contains("can never be freed", "daemon", "worker-1, worker-2");
        JsonNode last = r.samples().get(r.samples().size() - 1);
        assertThat(last.get("threads")).filteredOn(t -> t.get("name").asText().startsWith("worker-"))
                .allSatisfy(t -> {
                    assertThat(t.get("state").asText()).isEqualTo("BLOCKED");
                    assertThat(t.get("daemon").asBoolean()).isTrue();
                    assertThat(t.get("lock").asText()).startsWith("monitor '");
                });
    }

    private static long id(Result r, String name) {
        return r.threadsNamed(name).get(0).get("id").asLong();
    }

    private static JsonNode last(Result r, String name, java.util.function.Predicate<JsonNode> which) {
        List<JsonNode> all = r.threadsNamed(name).stream().filter(which).toList();
        assertThat(all).as("samples of %s", name).isNotEmpty();
        return all.get(all.size() - 1);
    }
}
