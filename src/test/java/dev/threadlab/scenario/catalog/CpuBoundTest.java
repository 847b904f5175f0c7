package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import dev.threadlab.scenario.MachineLoad;
import dev.threadlab.scenario.Params;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A speed-up alone says little on a shared 2-core machine: these tests assert what the threads got
 * (their CPU time over the wall time, in cores) against what the machine had spare meanwhile.
 */
class CpuBoundTest {
    private static final Duration TICK = Duration.ofMillis(50);

    @Test
    void onTheJvmTwoThreadsGetMoreThanOneCoreWhenTheMachineHasASecondToSpare() {
        assumeThat(Runtime.getRuntime().availableProcessors()).as("cores").isGreaterThanOrEqualTo(2);
        List<String> busy = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            Result r = HeadlessHarness.run("cpu-bound", Map.of("work", "400", "pace", "0"), TICK,
                    Duration.ofSeconds(30));
            assertThat(r.summary().get("status").asText()).isEqualTo("finished");
            JsonNode c = r.summary().get("counters");
            assertThat(r.summary().get("gil").asBoolean()).isFalse();
            assertThat(c.has("gilHandovers")).isFalse();
            // Each run counts its own progress from 0 to 100, so the second does not read as 150%.
            assertThat(r.samples()).allSatisfy(s -> assertThat(s.get("counters").path("percentDone").asLong(0))
                    .isBetween(0L, 100L));
            assertThat(c.get("percentDone").asLong()).isEqualTo(100);
            double used = c.get("coresUsed").asDouble();
            assertThat(r.summary().get("finding").asText()).startsWith(String.format(Locale.ROOT,
                    "2 threads got %.1f cores", used));
            assumeThat(c.has("busyElsewhere")).as("the machine's own CPU figures (/proc/stat)").isTrue();
            double spare = c.get("cores").asInt() - c.get("busyElsewhere").asDouble();
            // Busy or not, the two threads leave no core idle: they take what the machine has spare.
            assertThat(used).as("cores got, with %.2f spare", spare)
                    .isGreaterThanOrEqualTo(0.75 * Math.min(2, spare) - 0.1);
            if (spare >= 1.5) {
                assertThat(used).as("cores the two threads got, with %.2f to spare", spare).isGreaterThan(1.2);
                return;
            }
            busy.add(String.format(Locale.ROOT, "%.2f spare, got %.2f", spare, used));
        }
        assumeThat(busy).as("no second core was free in 3 runs: " + busy).isEmpty();
    }

    @Test
    void underTheEmulatedGilTheThreadsGetAtMostOneCoreBetweenThemAndWaitForTheGil() {
        Result r = HeadlessHarness.run("cpu-bound", Map.of("work", "400", "pace", "0", "gil", "true"), TICK,
                Duration.ofSeconds(30));
        assertThat(r.summary().get("status").asText()).isEqualTo("finished");
        assertThat(r.summary().get("gil").asBoolean()).isTrue();
        JsonNode c = r.summary().get("counters");
        assertThat(c.get("coresUsed").asDouble()).isPositive().isLessThanOrEqualTo(1.1);
        assertThat(c.get("gilHandovers").asLong()).isGreaterThan(10);
        assertThat(r.summary().get("finding").asText()).contains("the GIL lets one compute at a time");
        assertThat(r.samples()).anySatisfy(s -> assertThat(s.get("threads")).anySatisfy(t -> {
            assertThat(t.get("name").asText()).startsWith("cpu-");
            assertThat(t.get("state").asText()).isEqualTo("WAITING");
            assertThat(t.get("lock").asText()).isEqualTo("ReentrantLock 'GIL'");
            assertThat(t.get("lockOwner").asText()).startsWith("cpu-");
        }));
    }

    @Test
    void theFindingSaysTheMachineIsBusyWhenTheThreadsGotLessThanItsCores() {
        CpuBound noGil = new CpuBound(Params.of(CpuBound.TYPE, Map.of()));
        MachineLoad.Window busy = new MachineLoad.Window(2, 0.9, 3.2);
        assertThat(noGil.finding(new CpuBound.Run(1_000_000_000L, 1.1, busy)))
                .isEqualTo("2 threads got 1.1 cores: the machine is busy (others took 0.9)");
        assertThat(noGil.finding(new CpuBound.Run(1_000_000_000L, 1.9, new MachineLoad.Window(2, Double.NaN, 0.4))))
                .isEqualTo("2 threads got 1.9 cores: with no GIL they compute at once");
        assertThat(noGil.finding(new CpuBound.Run(1_000_000_000L, 1.2, new MachineLoad.Window(2, Double.NaN, 3.5))))
                .isEqualTo("2 threads got 1.2 cores: the machine is busy (load 3.5)");
    }

    @Test
    void aStopEndsTheComputingThreadsPromptly() {
        Result r = HeadlessHarness.run("cpu-bound", Map.of("gil", "true", "pace", "0"), TICK, Duration.ofMillis(400));
        assertThat(r.summary().get("status").asText()).isEqualTo("stopped");
        assertThat(r.summary().get("elapsedMs").asLong()).isLessThan(3000);
        assertThat(r.run().ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void theWorkCannotBeFoldedAway() {
        assertThat(CpuBound.slice(1, 1000)).isNotEqualTo(CpuBound.slice(1, 999)).isNotEqualTo(CpuBound.slice(2, 1000));
    }
}
