package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InconsistentDataTest {
    private static final Duration TICK = Duration.ofMillis(50);

    @Test
    void withoutALockTheTotalIsNotConserved() {
        Result r = HeadlessHarness.run("inconsistent-data", Map.of("transfers", "10000"), TICK, Duration.ofSeconds(20));
        JsonNode s = r.summary();
        JsonNode c = s.get("counters");
        assertThat(s.get("status").asText()).isEqualTo("finished");
        assertThat(c.get("transfers").asLong()).isEqualTo(40_000);
        assertThat(c.get("expectedTotal").asLong()).isEqualTo(10_000);
        assertThat(s.get("wrongAccounts").asInt()).isPositive();
        assertThat(c.get("actualTotal").asLong()).isNotEqualTo(10_000);
        assertThat(c.get("difference").asLong()).isEqualTo(c.get("actualTotal").asLong() - 10_000);
    }

    @Test
    void withTheLockTheTotalIsConservedAndTheTellersTakeTurns() {
        Result r = HeadlessHarness.run("inconsistent-data", Map.of("transfers", "10000", "lock", "true"), TICK,
                Duration.ofSeconds(20));
        JsonNode s = r.summary();
        assertThat(s.get("counters").get("actualTotal").asLong()).isEqualTo(10_000);
        assertThat(s.get("wrongAccounts").asInt()).isZero();
        assertThat(r.samples()).allSatisfy(x -> assertThat(x.get("counters").path("difference").asLong()).isZero());
        assertThat(r.samples()).anySatisfy(x -> assertThat(x.get("threads")).anySatisfy(t -> {
            assertThat(t.get("name").asText()).startsWith("teller-");
            assertThat(t.get("lock").asText()).isEqualTo("ReentrantLock 'bank'");
        }));
    }
}
