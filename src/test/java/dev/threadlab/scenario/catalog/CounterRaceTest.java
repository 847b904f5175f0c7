package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterRaceTest {
    private static final Duration TICK = Duration.ofMillis(100);

    @Test
    void withoutALockUpdatesAreLost() {
        Result r = HeadlessHarness.run("race-counter", Map.of("increments", "200000"), TICK, Duration.ofSeconds(30));
        JsonNode c = r.summary().get("counters");
        assertThat(r.summary().get("status").asText()).isEqualTo("finished");
        assertThat(c.get("expected").asLong()).isEqualTo(400_000);
        assertThat(c.get("lost").asLong()).isPositive();
        assertThat(c.get("lost").asLong()).isEqualTo(c.get("expected").asLong() - c.get("actual").asLong());
        // Both threads ran at once, at full speed, for part of the race at least.
        assertThat(r.threadsNamed("counter-1")).anySatisfy(t -> assertThat(t.get("state").asText()).isEqualTo("RUNNABLE"));
    }

    @Test
    void flatOutTheRaceStillLosesUpdates() {
        // Flat out, a run lasts milliseconds: on a busy 2-core machine one thread may run alone for all of
        // it. Losing updates is likely, not certain, per run; three runs of 20 million make it near sure.
        long lost = 0;
        for (int run = 0; run < 3 && lost == 0; run++) {
            Result r = HeadlessHarness.run("race-counter", Map.of("work", "0", "increments", "20000000"), TICK,
                    Duration.ofSeconds(30));
            lost = r.summary().get("counters").get("lost").asLong();
        }
        assertThat(lost).isPositive();
    }

    @Test
    void withALockNothingIsLostAndTheContentionShows() {
        Result r = HeadlessHarness.run("locked-counter", Map.of("increments", "200000"), TICK, Duration.ofSeconds(30));
        JsonNode c = r.summary().get("counters");
        assertThat(c.get("lost").asLong()).isZero();
        assertThat(c.get("actual").asLong()).isEqualTo(400_000);
        assertThat(r.threadsNamed("counter-1").stream().mapToLong(t -> t.get("blockedCount").asLong()).max()
                .orElse(0) + r.threadsNamed("counter-2").stream().mapToLong(t -> t.get("blockedCount").asLong())
                        .max().orElse(0)).as("blocked count of the two threads").isGreaterThan(2);
        assertThat(r.samples()).anySatisfy(s -> assertThat(s.get("threads")).anySatisfy(t -> {
            assertThat(t.get("state").asText()).isEqualTo("BLOCKED");
            assertThat(t.get("lock").asText()).isEqualTo("monitor 'counter'");
            assertThat(t.get("lockOwner").asText()).startsWith("counter-");
        }));
    }

    @Test
    void aReentrantLockIsAlsoExactAndItsWaitersShowAsParked() {
        Result r = HeadlessHarness.run("locked-counter", Map.of("increments", "100000", "lock", "reentrant"), TICK,
                Duration.ofSeconds(30));
        assertThat(r.summary().get("counters").get("lost").asLong()).isZero();
        assertThat(r.samples()).anySatisfy(s -> assertThat(s.get("threads")).anySatisfy(t -> {
            assertThat(t.get("cause").asText()).isEqualTo("parked");
            assertThat(t.get("lock").asText()).isEqualTo("ReentrantLock 'counter'");
        }));
    }

    @Test
    void stoppedEarlyTheSummarySaysSoAndCountsWhatWasDone() {
        Result r = HeadlessHarness.run("race-counter", Map.of(), TICK, Duration.ofMillis(800));
        JsonNode s = r.summary();
        assertThat(s.get("status").asText()).isEqualTo("stopped");
        long done = s.get("counters").get("done").asLong();
        assertThat(done).isPositive().isLessThan(s.get("counters").get("expected").asLong());
        assertThat(s.get("counters").get("lost").asLong())
                .isEqualTo(done - s.get("counters").get("actual").asLong());
        assertThat(r.run().ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }
}
