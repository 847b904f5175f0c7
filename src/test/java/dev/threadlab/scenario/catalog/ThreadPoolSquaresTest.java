package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadPoolSquaresTest {

    @Test
    void threeWorkersSquareOneToFiveInInputOrder() {
        Result r = HeadlessHarness.run("thread-pool", Map.of("taskTime", "200ms"), Duration.ofMillis(50), null);
        List<Integer> results = new ArrayList<>();
        r.summary().get("results").forEach(n -> results.add(n.asInt()));
        assertThat(results).containsExactly(1, 4, 9, 16, 25);
        // The scenario registers its pool once its main thread runs: the very first sample may precede it.
        JsonNode first = r.samples().stream().filter(s -> s.get("pools").size() > 0).findFirst().orElseThrow()
                .get("pools").get(0);
        assertThat(first.get("name").asText()).isEqualTo("squares");
        assertThat(r.samples()).anySatisfy(s -> {
            JsonNode p = s.get("pools").path(0);
            assertThat(p.path("queued").asInt()).isEqualTo(2);
            assertThat(p.path("active").asInt()).isEqualTo(3);
        });
        JsonNode last = r.samples().get(r.samples().size() - 1).get("pools").get(0);
        assertThat(last.get("completed").asInt()).isEqualTo(5);
        assertThat(last.get("largest").asInt()).isEqualTo(3);
        assertThat(last.get("capacity").asInt()).isEqualTo(-1);
        assertThat(r.statesOf("pool-worker-1")).last().isEqualTo("TERMINATED");
        // Task 3 is the shortest of the first three: it finishes first, and the results stay in order.
        List<String> squares = r.output().stream().map(o -> o.get("text").asText())
                .filter(t -> t.startsWith("square(")).toList();
        assertThat(squares).hasSize(5).first().isEqualTo("square(3) = 9");
        // No task ends before a whole taskTime: the two queued tasks wait at least that long, visibly.
        long firstDone = r.output().stream().filter(o -> o.get("text").asText().startsWith("square("))
                .findFirst().orElseThrow().get("tMs").asLong();
        assertThat(firstDone).isGreaterThanOrEqualTo(200);
        assertThat(r.threadsNamed("main")).anySatisfy(t -> assertThat(t.path("lock").asText())
                .isEqualTo("Future of square(1)"));
    }

    @Test
    void moreTasksThanWorkersBuildAQueueThatDrains() {
        Result r = HeadlessHarness.run("thread-pool", Map.of("tasks", "40", "workers", "2", "taskTime", "50ms"),
                Duration.ofMillis(50), null);
        List<Integer> depths = new ArrayList<>();
        r.samples().stream().filter(s -> s.get("pools").size() > 0)
                .forEach(s -> depths.add(s.get("pools").get(0).get("queued").asInt()));
        assertThat(depths.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThanOrEqualTo(20);
        assertThat(depths).last().isEqualTo(0);
        assertThat(r.summary().get("results")).hasSize(40);
        assertThat(r.summary().get("results").get(39).asInt()).isEqualTo(1600);
    }

    @Test
    void stoppedWhileTasksRunTheRunSaysStoppedNotFailed() {
        Result r = HeadlessHarness.run("thread-pool", Map.of("tasks", "20", "taskTime", "300ms"), Duration.ofMillis(50),
                Duration.ofMillis(500));
        assertThat(r.summary().get("status").asText()).isEqualTo("stopped");
        assertThat(r.summary().has("note")).isFalse();
    }
}
