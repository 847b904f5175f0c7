package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerConsumerTest {

    @Test
    void producersWaitWhenFullConsumersWhenEmptyAndTheBufferNeverOverflows() {
        Result r = HeadlessHarness.run("producer-consumer",
                Map.of("produceTime", "10ms", "consumeTime", "60ms", "rest", "500ms"), Duration.ofMillis(50),
                Duration.ofSeconds(20));
        JsonNode s = r.summary();
        JsonNode c = s.get("counters");
        assertThat(s.get("status").asText()).isEqualTo("finished");
        assertThat(c.get("produced").asInt()).isEqualTo(40);
        assertThat(c.get("consumed").asInt()).isEqualTo(40);
        assertThat(c.get("capacity").asInt()).isEqualTo(5);
        assertThat(c.get("maxDepth").asInt()).isEqualTo(5);
        assertThat(s.get("allUsedOnce").asBoolean()).isTrue();
        assertThat(r.samples()).filteredOn(x -> x.get("pools").size() > 0).allSatisfy(x -> {
            JsonNode gauge = x.get("pools").get(0);
            assertThat(gauge.get("name").asText()).isEqualTo("buffer");
            assertThat(gauge.get("capacity").asInt()).isEqualTo(5);
            assertThat(gauge.get("queued").asInt()).isBetween(0, 5);
        });
        assertThat(r.threadsNamed("producer-1")).anySatisfy(t -> {
            assertThat(t.get("state").asText()).isEqualTo("WAITING");
            assertThat(t.get("lock").asText()).isEqualTo("Condition 'not full' of buffer");
        });
        assertThat(r.threadsNamed("consumer-1")).anySatisfy(t -> {
            assertThat(t.get("state").asText()).isEqualTo("WAITING");
            assertThat(t.get("lock").asText()).isEqualTo("Condition 'not empty' of buffer");
        });
        // The gauge shows a full buffer while the producers wait.
        assertThat(r.samples()).anySatisfy(x -> assertThat(x.get("pools").path(0).path("queued").asInt()).isEqualTo(5));
    }

    @Test
    void flatOutManyThreadsMoveEveryItemExactlyOnce() {
        Result r = HeadlessHarness.run("producer-consumer",
                Map.of("capacity", "3", "producers", "3", "consumers", "4", "items", "50000", "produceTime", "0",
                        "consumeTime", "0", "burst", "100000000", "rest", "0"),
                Duration.ofMillis(100), Duration.ofSeconds(20));
        JsonNode c = r.summary().get("counters");
        assertThat(c.get("consumed").asInt()).isEqualTo(50_000);
        assertThat(c.get("maxDepth").asInt()).isBetween(1, 3);
        assertThat(r.summary().get("allUsedOnce").asBoolean()).isTrue();
    }
}
