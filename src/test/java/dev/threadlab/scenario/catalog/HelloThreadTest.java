package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloThreadTest {

    @Test
    void theThreadIsSeenNewFirstThenRunningAndSleepingThenTerminatedLast() {
        Result r = HeadlessHarness.run("hello-thread", Map.of("pace", "300ms"), Duration.ofMillis(50), null);
        List<String> states = r.statesOf("hello");
        assertThat(states).first().isEqualTo("NEW");
        assertThat(states).last().isEqualTo("TERMINATED");
        assertThat(states).contains("RUNNABLE", "TIMED_WAITING");
        // Each stage is one run of samples: the life goes forward, never back.
        assertThat(states.stream().distinct().toList())
                .containsExactly("NEW", "RUNNABLE", "TIMED_WAITING", "TERMINATED");
        assertThat(r.statesOf("main")).contains("WAITING");
        assertThat(r.output()).anySatisfy(o -> {
            assertThat(o.get("thread").asText()).isEqualTo("hello");
            assertThat(o.get("text").asText()).startsWith("hello from");
        });
        assertThat(r.summary().get("status").asText()).isEqualTo("finished");
        assertThat(r.summary().get("joined").asBoolean()).isTrue();
    }

    @Test
    void mainWaitsInJoinOnTheHelloThread() {
        Result r = HeadlessHarness.run("hello-thread", Map.of("pace", "300ms"), Duration.ofMillis(50), null);
        assertThat(r.threadsNamed("main")).anySatisfy(t -> {
            assertThat(t.get("state").asText()).isEqualTo("WAITING");
            assertThat(t.get("lock").asText()).isEqualTo("thread 'hello'");
        });
    }
}
