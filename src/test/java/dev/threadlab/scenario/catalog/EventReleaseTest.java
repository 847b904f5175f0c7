package dev.threadlab.scenario.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.HeadlessHarness.Result;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class EventReleaseTest {

    @Test
    void allWaitersWaitOnTheEventThenWakeTogether() {
        Result r = HeadlessHarness.run("event", Map.of("delay", "600ms", "work", "150ms"), Duration.ofMillis(50),
                Duration.ofSeconds(20));
        assertThat(r.summary().get("status").asText()).isEqualTo("finished");
        assertThat(r.summary().get("counters").get("released").asInt()).isEqualTo(5);
        assertThat(r.summary().get("wokeWithinMs").asDouble()).isBetween(0.0, 1000.0);

        List<JsonNode> samples = r.samples();
        int lastAllWaiting = -1;
        int releasedThen = 0;
        for (int i = 0; i < samples.size(); i++) {
            List<JsonNode> w = waiters(samples.get(i));
            if (w.size() == 5 && w.stream().allMatch(t -> t.get("state").asText().equals("WAITING"))) {
                assertThat(releasedThen).as("none released while all still wait, in the sample before").isZero();
                lastAllWaiting = i;
                releasedThen = samples.get(i).get("counters").path("released").asInt();
            }
        }
        // (The states are read before the counters: the sample that catches the set may count some released.)
        assertThat(lastAllWaiting).as("a sample with all five waiting").isGreaterThan(2);
        // (A thread started during a tick is read from Thread.getState(), without its lock: look past those.)
        assertThat(samples).anySatisfy(s -> assertThat(waiters(s)).hasSize(5).allSatisfy(t -> {
            assertThat(t.get("state").asText()).isEqualTo("WAITING");
            assertThat(t.get("lock").asText()).isEqualTo("Condition 'set' of event");
        }));
        // Within two ticks of the last all-waiting sample, none waits any longer.
        boolean allAwake = false;
        for (int i = lastAllWaiting + 1; i <= lastAllWaiting + 2 && i < samples.size(); i++) {
            allAwake |= waiters(samples.get(i)).stream().noneMatch(t -> t.get("state").asText().equals("WAITING"));
        }
        assertThat(allAwake).as("all awake within two ticks of the set").isTrue();
    }

    @Test
    void stoppedBeforeTheEventTheWaitersEndAndNoneWasReleased() {
        Result r = HeadlessHarness.run("event", Map.of("delay", "10s"), Duration.ofMillis(50), Duration.ofMillis(500));
        assertThat(r.summary().get("status").asText()).isEqualTo("stopped");
        assertThat(r.summary().get("counters").get("released").asInt()).isZero();
        assertThat(r.run().ownThreads()).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    private static List<JsonNode> waiters(JsonNode sample) {
        return StreamSupport.stream(sample.get("threads").spliterator(), false)
                .filter(t -> t.get("scenario").asBoolean() && t.get("name").asText().startsWith("waiter-"))
                .toList();
    }
}
