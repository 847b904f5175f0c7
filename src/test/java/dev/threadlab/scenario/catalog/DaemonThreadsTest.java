package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void theChildJvmWaitsForTheWorkerAndCutsTheDaemonShort() {
        Result r = HeadlessHarness.run("daemon-threads", Map.of("steps", "3", "daemonSteps", "8", "pace", "150ms"),
                Duration.ofMillis(50), Duration.ofSeconds(30));
        JsonNode s = r.summary();
        assertThat(s.get("status").asText()).isEqualTo("finished");
        assertThat(s.get("childExitCode").asInt()).isZero();
        assertThat(s.get("nonDaemon").get("done").asInt()).isEqualTo(3);
        assertThat(s.get("nonDaemon").get("daemon").asBoolean()).isFalse();
        assertThat(s.get("daemon").get("daemon").asBoolean()).isTrue();
        assertThat(s.get("daemon").get("planned").asInt()).isEqualTo(8);
        assertThat(s.get("daemon").get("done").asInt()).isBetween(1, 4);
        List<String> lines = r.output().stream().map(o -> o.get("text").asText()).toList();
        assertThat(lines).contains("worker step 3/3", "worker finished all 3 steps");
        assertThat(lines).noneMatch(l -> l.contains("daemon-worker finished"));
        assertThat(lines).anyMatch(l -> l.startsWith("jvm: no non-daemon thread left"));
        // The in-process pair shows each thread's flag.
        assertThat(r.threadsNamed("daemon-worker")).allSatisfy(t -> assertThat(t.get("daemon").asBoolean()).isTrue());
        assertThat(r.threadsNamed("worker")).allSatisfy(t -> assertThat(t.get("daemon").asBoolean()).isFalse());
        assertThat(r.threadsNamed("main")).anySatisfy(t -> assertThat(t.path("lock").asText()).isEqualTo("thread 'child'"));
    }

    @Test
    void theMirroredDaemonEndsWhenTheChildsJvmSaysItIsExitingNotAfterItsExit() {
        Result r = HeadlessHarness.run("daemon-threads", Map.of("steps", "3", "daemonSteps", "8", "pace", "150ms"),
                Duration.ofMillis(50), Duration.ofSeconds(30));
        long exiting = r.output().stream().filter(o -> o.get("text").asText().startsWith("jvm: "))
                .findFirst().orElseThrow().get("tMs").asLong();
        // A JVM takes a few hundred ms to exit; the mirror must not outlive the child's daemon by that much.
        assertThat(r.samples()).filteredOn(s -> s.get("tMs").asLong() >= exiting + 150).allSatisfy(s ->
                assertThat(s.get("threads")).noneSatisfy(t -> {
                    assertThat(t.get("name").asText()).isEqualTo("daemon-worker");
                    assertThat(t.get("state").asText()).isNotEqualTo("TERMINATED");
                }));
    }

    @Test
    void stoppingKillsTheChildJvm() {
        Result r = HeadlessHarness.run("daemon-threads", Map.of("pace", "2s"), Duration.ofMillis(50),
                Duration.ofMillis(1500));
        assertThat(r.summary().get("status").asText()).isEqualTo("stopped");
        String started = r.output().stream().map(o -> o.get("text").asText())
                .filter(t -> t.startsWith("child JVM started, pid ")).findFirst().orElseThrow();
        long pid = Long.parseLong(started.substring(started.lastIndexOf(' ') + 1));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false);
        assertThat(r.summary().has("note")).isFalse();
        assertThat(r.run().ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).as(t.getName()).isFalse());
    }
}
