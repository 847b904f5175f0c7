package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IoBoundTest {
    private static final Duration TICK = Duration.ofMillis(50);

    @Test
    void threadsWaitingOnSocketsTogetherFinishSeveralTimesSooner() {
        Result r = HeadlessHarness.run("io-bound", Map.of("requests", "8", "threads", "4", "delay", "200ms", "pace", "0"),
                TICK, Duration.ofSeconds(30));
        JsonNode c = r.summary().get("counters");
        assertThat(r.summary().get("status").asText()).isEqualTo("finished");
        assertThat(c.get("answered").asInt()).isEqualTo(8);
        assertThat(c.get("singleMs").asLong()).isGreaterThanOrEqualTo(8 * 200);
        assertThat(c.get("speedup").asDouble()).isGreaterThanOrEqualTo(3.0);
        // Busy machine or not, the waiting costs the clients next to no CPU: that is why the waits overlap.
        assertThat(c.get("coresUsed").asDouble()).isBetween(0.0, 0.5);
        assertThat(r.summary().get("finding").asText()).startsWith("4 clients finished ")
                .endsWith(": waiting needs no CPU");
    }

    @Test
    void aClientBlockedInASocketReadIsRunnableInNativeCodeAndTheServerThreadsAreNamed() {
        Result r = HeadlessHarness.run("io-bound", Map.of("requests", "4", "threads", "2", "delay", "300ms", "pace", "0"),
                TICK, Duration.ofSeconds(30));
        assertThat(r.samples()).anySatisfy(s -> assertThat(s.get("threads")).anySatisfy(t -> {
            assertThat(t.get("name").asText()).startsWith("client");
            assertThat(t.get("state").asText()).isEqualTo("RUNNABLE");
            assertThat(t.get("cause").asText()).isEqualTo("native");
        }));
        assertThat(r.threadsNamed("server-accept")).isNotEmpty();
        assertThat(r.threadsNamed("srv-worker-1")).anySatisfy(t -> assertThat(t.get("cause").asText()).isEqualTo("sleeping"));
        assertThat(r.samples()).anySatisfy(s -> assertThat(s.get("pools").path(0).path("name").asText()).isEqualTo("server"));
    }

    @Test
    void aStopClosesTheSocketsSoNoBlockedReaderIsLeft() {
        Result r = HeadlessHarness.run("io-bound", Map.of("delay", "5s", "pace", "0"), TICK, Duration.ofMillis(500));
        assertThat(r.summary().get("status").asText()).isEqualTo("stopped");
        assertThat(r.summary().has("note")).isFalse();
        assertThat(r.run().ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).as(t.getName()).isFalse());
    }
}
