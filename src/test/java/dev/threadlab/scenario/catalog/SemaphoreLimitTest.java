package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemaphoreLimitTest {

    @Test
    void neverMoreInsideThanPermitsAndTheRestWaitOnTheNamedSemaphore() {
        Result r = HeadlessHarness.run("semaphore", Map.of("holdTime", "200ms"), Duration.ofMillis(50),
                Duration.ofSeconds(20));
        JsonNode c = r.summary().get("counters");
        assertThat(r.summary().get("status").asText()).isEqualTo("finished");
        assertThat(c.get("permits").asInt()).isEqualTo(2);
        assertThat(c.get("maxConcurrent").asInt()).isEqualTo(2);
        assertThat(c.get("entries").asInt()).isEqualTo(12);
        assertThat(r.samples()).allSatisfy(s -> assertThat(s.get("counters").path("inside").asInt()).isLessThanOrEqualTo(2));
        assertThat(r.samples()).anySatisfy(s -> {
            assertThat(s.get("counters").path("waiting").asInt()).isEqualTo(4);
            assertThat(s.get("threads")).filteredOn(t -> t.get("name").asText().startsWith("worker-"))
                    .filteredOn(t -> t.get("state").asText().equals("WAITING"))
                    .hasSize(4)
                    .allSatisfy(t -> {
                        assertThat(t.get("lock").asText()).isEqualTo("Semaphore 'permits'");
                        assertThat(t.get("cause").asText()).isEqualTo("parked");
                    });
        });
    }

    @Test
    void flatOutWithManyWorkersTheLimitStillHolds() {
        Result r = HeadlessHarness.run("semaphore",
                Map.of("workers", "8", "permits", "3", "rounds", "3000", "holdTime", "0"), Duration.ofMillis(50),
                Duration.ofSeconds(20));
        JsonNode c = r.summary().get("counters");
        assertThat(c.get("entries").asInt()).isEqualTo(24_000);
        assertThat(c.get("maxConcurrent").asInt()).isBetween(1, 3);
        assertThat(c.get("inside").asInt()).isZero();
    }
}
