package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import dev.threadlab.probe.RunState;
import dev.threadlab.scenario.ScenarioRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ThreadsVsProcessesTest {
    private static final Pattern PID = Pattern.compile("\\(pid (\\d+)\\)");

    @Test
    void threadsShareOneCounterProcessesEachHaveTheirOwnAndCostFarMore() {
        Result r = HeadlessHarness.run("threads-vs-processes", Map.of("workers", "3", "increments", "10000",
                "hold", "300ms"), Duration.ofMillis(50), Duration.ofSeconds(60));
        JsonNode s = r.summary();
        assertThat(s.get("status").asText()).isEqualTo("finished");
        JsonNode threads = s.get("threads");
        JsonNode processes = s.get("processes");
        assertThat(threads.get("sharedCounter").asLong()).isEqualTo(30_000);
        assertThat(processes.get("sharedCounter").asLong()).isZero();
        assertThat(processes.get("ownCounters")).extracting(JsonNode::asLong).containsExactly(10_000L, 10_000L, 10_000L);
        assertThat(processes.get("exitCodes")).extracting(JsonNode::asInt).containsOnly(0);
        assertThat(threads.get("startupMsEach")).hasSize(3);
        // A JVM takes tens of milliseconds to reach main(); a thread well under a few.
        assertThat(processes.get("startupMs").asDouble()).isGreaterThan(15.0)
                .isGreaterThan(5 * threads.get("startupMs").asDouble());
        // A JVM's resident set is tens of MB; a thread adds at most a few MB to ours.
        assertThat(processes.get("memoryKbPerWorker").asLong()).isGreaterThan(10_000);
        assertThat(threads.get("memoryKbPerWorker").asLong()).isBetween(0L, 5_000L);
        assertThat(s.get("finding").asText()).matches("a process: \\d+ ms to start, [\\d,]+ kB; a thread: [\\d.]+ ms, [\\d,]+ kB");
        assertThat(r.threadsNamed("thread-1")).isNotEmpty();
        // The comparison is on screen too, and the counter the threads shared is left as they left it.
        JsonNode c = s.get("counters");
        assertThat(c.get("sharedCounter").asLong()).isEqualTo(30_000);
        assertThat(c.get("threadStartMs").asDouble()).isEqualTo(threads.get("startupMs").asDouble());
        assertThat(c.get("procStartMs").asDouble()).isEqualTo(processes.get("startupMs").asDouble());
        assertThat(c.get("threadMemKb").asLong()).isEqualTo(threads.get("memoryKbPerWorker").asLong());
        assertThat(c.get("procMemKb").asLong()).isEqualTo(processes.get("memoryKbPerWorker").asLong());
        // While held, the threads wait on a latch that has a name.
        assertThat(r.threadsNamed("thread-1")).anySatisfy(t -> assertThat(t.path("lock").asText())
                .isEqualTo("CountDownLatch 'release'"));
    }

    @Test
    void aStopEndsTheChildJvms() throws InterruptedException {
        ScenarioRun run = ScenarioRun.start(HeadlessHarness.entry("threads-vs-processes",
                Map.of("workers", "2", "hold", "1s")));
        List<Long> pids = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                run.drainOutput().forEach(o -> {
                    Matcher m = PID.matcher(o.text());
                    if (m.find()) {
                        pids.add(Long.parseLong(m.group(1)));
                    }
                });
                return pids.stream().distinct().count() == 2;
            });
        } finally {
            assertThat(run.stop(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(run.status()).isEqualTo(RunState.Status.STOPPED);
        assertThat(pids.stream().distinct()).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)
                .map(ProcessHandle::isAlive).orElse(false)).as("child %d alive", pid).isFalse());
        assertThat(run.runState().note()).isNull();
        assertThat(run.ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).as(t.getName()).isFalse());
    }
}
