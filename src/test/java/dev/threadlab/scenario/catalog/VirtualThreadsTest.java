package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs on every JDK: what it checks depends on whether this one has virtual threads. */
class VirtualThreadsTest {
    private static final int FEATURE = Runtime.version().feature();
    private static final Duration TICK = Duration.ofMillis(50);

    @Test
    void beforeJdk21TheRunEndsAtOnceAndSaysWhy() {
        assumeThat(FEATURE).as("JDK feature version").isLessThan(VirtualThreads.MIN_FEATURE);
        Result r = HeadlessHarness.run("virtual-threads", Map.of(), TICK, Duration.ofSeconds(10));
        JsonNode s = r.summary();
        assertThat(s.get("status").asText()).isEqualTo("finished");
        assertThat(s.get("supported").asBoolean()).isFalse();
        assertThat(s.get("note").asText()).contains("JDK 21 or newer", Runtime.version().toString());
        assertThat(s.get("elapsedMs").asLong()).isLessThan(2000);
        assertThat(VirtualThreads.virtualExecutor()).isNull();
    }

    @Test
    void thousandsOfVirtualThreadsBlockAtOnceOnAFewCarriersWhileThePoolGoesAFewAtATime() {
        assumeThat(FEATURE).as("JDK feature version").isGreaterThanOrEqualTo(VirtualThreads.MIN_FEATURE);
        Result r = HeadlessHarness.run("virtual-threads",
                Map.of("virtualThreads", "2000", "platformThreads", "20", "wait", "400ms", "pace", "200ms"), TICK,
                Duration.ofSeconds(30));
        JsonNode s = r.summary();
        assertThat(s.get("status").asText()).isEqualTo("finished");
        assertThat(s.get("supported").asBoolean()).isTrue();
        JsonNode virtual = s.get("virtual");
        JsonNode platform = s.get("platform");
        assertThat(virtual.get("done").asInt()).isEqualTo(2000);
        assertThat(virtual.get("maxBlockedAtOnce").asInt()).isGreaterThan(1000);
        assertThat(virtual.get("carriers").asInt()).isBetween(1, 256);
        assertThat(platform.get("maxBlockedAtOnce").asInt()).isEqualTo(20);
        assertThat(platform.get("done").asInt()).isLessThan(2000);
        assertThat(virtual.get("tasksPerSecond").asLong()).isGreaterThan(5 * platform.get("tasksPerSecond").asLong());
        // ThreadMXBean sees the pool and the carriers, never the virtual threads it counts.
        assertThat(r.samples()).anySatisfy(x -> {
            assertThat(x.get("counters").path("virtualAlive").asInt()).isGreaterThan(1000);
            assertThat(x.get("liveThreads").asInt()).isLessThan(1000);
            assertThat(x.get("threads")).anySatisfy(t -> assertThat(t.get("name").asText()).startsWith("ForkJoinPool-"));
            assertThat(x.get("threads")).noneSatisfy(t -> assertThat(t.get("name").asText()).startsWith("virtual-"));
        });
    }

    @Test
    void aStopEndsEveryVirtualThread() {
        assumeThat(FEATURE).as("JDK feature version").isGreaterThanOrEqualTo(VirtualThreads.MIN_FEATURE);
        Result r = HeadlessHarness.run("virtual-threads", Map.of("virtualThreads", "3000", "wait", "20s"), TICK,
                Duration.ofMillis(600));
        JsonNode s = r.summary();
        assertThat(s.get("status").asText()).isEqualTo("stopped");
        assertThat(s.get("counters").get("virtualAlive").asInt()).isZero();
        assertThat(s.has("note")).isFalse();
        assertThat(r.run().ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).as(t.getName()).isFalse());
    }
}
