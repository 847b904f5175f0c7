package dev.threadlab.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine with a source of its own making: what it publishes, in which order, and how it ends. */
class EngineTest {
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Engine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(Engine::close);
    }

    /** A run that ends after {@code endsAfter} samples (or never, with -1); it can lose its link. */
    static final class FakeSource implements Source {
        final AtomicInteger samples = new AtomicInteger();
        final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicBoolean linkUp = new AtomicBoolean(true);
        final AtomicInteger reconnects = new AtomicInteger();
        volatile int endsAfter;
        volatile RunInfo info = new RunInfo("attach", "fake", null, "17.0.1");

        FakeSource(int endsAfter) {
            this.endsAfter = endsAfter;
        }

        @Override
        public RunInfo run() {
            return info;
        }

        @Override
        public Snapshot sample() {
            if (!linkUp.get()) {
                throw new LinkLost("the JVM went away", null);
            }
            int n = samples.incrementAndGet();
            boolean ended = stopped.get() || endsAfter >= 0 && n > endsAfter;
            RunState.Status status = stopped.get() ? RunState.Status.STOPPED : ended ? RunState.Status.FINISHED
                    : RunState.Status.RUNNING;
            return new Snapshot(n * 10L, List.of(), List.of(), Map.of("n", n), Map.of(), List.of(), List.of(),
                    new RunState("fake", status, n * 10L, false, null, null), 1, 1);
        }

        @Override
        public StackSample stack(long threadId, String threadName) {
            return new StackSample(threadId, threadName, 0, List.of("RUNNABLE"));
        }

        @Override
        public void stop(Duration deadline) {
            stopped.set(true);
        }

        @Override
        public boolean reconnect() {
            reconnects.incrementAndGet();
            if (!linkUp.get()) {
                return false;
            }
            info = new RunInfo("attach", "fake", null, "17.0.1");
            return true;
        }

        @Override
        public void close() {
        }
    }

    private Engine engine(Source source, Duration limit, Duration reconnect, boolean endWithRun) {
        Engine e = new Engine(source, new Engine.Settings(Duration.ofMillis(10), limit, reconnect, endWithRun));
        e.add(events::add);
        engines.add(e);
        return e;
    }

    private List<String> kinds() {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            String k = e.getClass().getSimpleName();
            if (out.isEmpty() || !k.equals("Sampled") || !out.get(out.size() - 1).equals("Sampled")) {
                out.add(k);
            }
        }
        return out;
    }

    @Test
    void aRunIsBegunSampledEndedThenOverInThatOrder() throws Exception {
        Engine e = engine(new FakeSource(5), null, null, true);
        e.start();
        assertThat(e.awaitOver(Duration.ofSeconds(10))).isTrue();
        assertThat(kinds()).containsExactly("Began", "Sampled", "Ended", "Over");
        List<Event.Sampled> sampled = events.stream().filter(Event.Sampled.class::isInstance)
                .map(Event.Sampled.class::cast).toList();
        assertThat(sampled).hasSize(6);
        assertThat(sampled.get(sampled.size() - 1).snapshot().run().status().ended())
                .as("the watch never stops on a sample that still said running").isTrue();
        Event.Ended ended = (Event.Ended) events.get(events.size() - 2);
        assertThat(ended.last().counters().get("n")).isEqualTo(6);
        assertThat(events).allSatisfy(ev -> assertThat(ev.generation()).isEqualTo(1));
    }

    @Test
    void aStopEndsTheRunShowsItAndIsOver() throws Exception {
        FakeSource source = new FakeSource(-1);
        Engine e = engine(source, null, null, true);
        e.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.samples.get() >= 3);
        e.stop();
        assertThat(e.awaitOver(Engine.STOP_DEADLINE)).isTrue();
        assertThat(source.stopped).isTrue();
        Event.Ended ended = (Event.Ended) events.stream().filter(Event.Ended.class::isInstance).findFirst()
                .orElseThrow();
        assertThat(ended.last().run().status()).isEqualTo(RunState.Status.STOPPED);
        assertThat(kinds()).endsWith("Sampled", "Ended", "Over");
    }

    @Test
    void theTimeLimitStopsTheRun() throws Exception {
        FakeSource source = new FakeSource(-1);
        Engine e = engine(source, Duration.ofMillis(200), null, false);
        e.start();
        assertThat(e.awaitOver(Duration.ofSeconds(10))).isTrue();
        assertThat(source.stopped).isTrue();
        assertThat(kinds()).endsWith("Ended", "Over");
    }

    @Test
    void aLostLinkEndsAWatchThatDoesNotReconnectAsFailed() throws Exception {
        FakeSource source = new FakeSource(-1);
        Engine e = engine(source, null, null, true);
        e.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.samples.get() >= 2);
        source.linkUp.set(false);
        assertThat(e.awaitOver(Duration.ofSeconds(10))).isTrue();
        assertThat(kinds()).endsWith("Sampled", "LinkLost", "Ended", "Over");
        Event.Ended ended = (Event.Ended) events.get(events.size() - 2);
        assertThat(ended.last().run().status()).isEqualTo(RunState.Status.FAILED);
        assertThat(ended.last().run().note()).isEqualTo("connection lost: the JVM went away");
    }

    @Test
    void aLostLinkIsTriedAgainAndComesBackAsANewRun() throws Exception {
        FakeSource source = new FakeSource(-1);
        Engine e = engine(source, null, Duration.ofMillis(50), false);
        e.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> source.samples.get() >= 2);
        source.linkUp.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> source.reconnects.get() >= 2);
        assertThat(e.isOver()).isFalse();
        int before = source.samples.get();
        source.linkUp.set(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> source.samples.get() > before + 2);
        assertThat(kinds()).startsWith("Began", "Sampled", "LinkLost").contains("Began");
        Event last = events.get(events.size() - 1);
        assertThat(last.generation()).as("a new link: a new run, a fresh history").isEqualTo(2);
        assertThat(events.stream().filter(Event.Began.class::isInstance).count()).isEqualTo(2);
    }

    @Test
    void requestsRunOnTheEngineAndTellWhatTheyCannotDo() throws Exception {
        FakeSource source = new FakeSource(-1);
        Engine e = engine(source, null, null, false);
        List<String> refused = new CopyOnWriteArrayList<>();
        List<StackSample> stacks = new CopyOnWriteArrayList<>();
        e.start();
        e.control(new Control.Stop(), refused::add);
        e.readStack(7, "worker", stacks::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> refused.size() == 1 && stacks.size() == 1);
        assertThat(refused).containsExactly("watching another JVM: no scenario to run here");
        assertThat(stacks.get(0).threadName()).isEqualTo("worker");
        assertThat(events).anySatisfy(ev -> assertThat(ev).isInstanceOf(Event.StackRead.class));
    }

    @Test
    void pausedItTakesNoSamples() throws Exception {
        FakeSource source = new FakeSource(-1);
        Engine e = engine(source, null, null, false);
        e.pause(true);
        e.start();
        e.readStack(1, "x", s -> { });
        int[] seen = new int[1];
        // With a request through the queue done, the loop has been round; no tick may have sampled.
        AtomicBoolean done = new AtomicBoolean();
        e.readStack(1, "x", s -> done.set(true));
        await().atMost(Duration.ofSeconds(10)).untilTrue(done);
        seen[0] = source.samples.get();
        assertThat(seen[0]).isZero();
        e.pause(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> source.samples.get() > 0);
    }
}
