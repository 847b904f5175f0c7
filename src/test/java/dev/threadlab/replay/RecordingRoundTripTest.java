package dev.threadlab.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.config.CatalogLoader;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.report.JsonSink;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What --save writes reads back as the headless output had it, record for record, for every scenario. */
class RecordingRoundTripTest {
    private static final ScenarioCatalog CATALOG = CatalogLoader.loadDefault();

    @TempDir
    Path dir;

    static Stream<String> ids() {
        return CATALOG.entries().stream().map(ScenarioEntry::id);
    }

    private static List<JsonNode> withoutRunRecords(List<JsonNode> lines) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode l : lines) {
            String type = l.path("type").asText();
            if (!type.equals("header") && !type.equals("run")) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<JsonNode> sliced(Path file, Duration from, Duration to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Recording r = Recording.open(file)) {
            assertThat(new Slice(r, out).window(from, to)).as("whole").isTrue();
        }
        return HeadlessHarness.parse(out.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyScenarioReadsBackAsTheHeadlessOutputHadIt(String id) {
        // Half the scenarios in gzip, half plain: both are read the same.
        Path file = dir.resolve(id + (id.hashCode() % 2 == 0 ? ".jsonl.gz" : ".jsonl"));
        HeadlessHarness.Result live = HeadlessHarness.run(CATALOG.get(id), Duration.ofMillis(100),
                Duration.ofMillis(1500), file);
        List<JsonNode> replayed = sliced(file, null, null);
        assertThat(live.summary()).isNotNull();
        assertThat(withoutRunRecords(replayed)).isEqualTo(withoutRunRecords(live.lines()));
        assertThat(replayed.get(0).path("type").asText()).isEqualTo("header");
        assertThat(replayed.get(0).path("scenario").asText()).isEqualTo(id);
    }

    @Test
    void aCompactRecordingHoldsKeyframesAndDeltasAndAWindowHoldsItsTicksOnly() throws Exception {
        Path file = dir.resolve("race.jsonl");
        HeadlessHarness.Result live = HeadlessHarness.run(HeadlessHarness.entry("race-counter",
                Map.of("increments", "100000000")), Duration.ofMillis(20), Duration.ofSeconds(2), file);
        List<JsonNode> raw = HeadlessHarness.parse(java.nio.file.Files.readString(file));
        long samples = raw.stream().filter(l -> l.path("type").asText().equals("sample")).count();
        long deltas = raw.stream().filter(l -> l.path("type").asText().equals("delta")).count();
        assertThat(samples + deltas).isEqualTo(live.samples().size());
        assertThat(deltas).as("deltas between keyframes").isPositive();
        assertThat(samples).isEqualTo((samples + deltas + JsonSink.KEYFRAME_EVERY - 1) / JsonSink.KEYFRAME_EVERY);

        long firstT = live.samples().get(0).path("tMs").asLong();
        List<JsonNode> window = sliced(file, Duration.ofMillis(500), Duration.ofMillis(1000));
        List<JsonNode> ticks = window.stream().filter(l -> l.path("type").asText().equals("sample")).toList();
        assertThat(ticks).isNotEmpty().allSatisfy(t -> assertThat(t.path("tMs").asLong()).isBetween(500L, 1000L));
        List<JsonNode> expected = live.samples().stream()
                .filter(t -> t.path("tMs").asLong() >= 500 && t.path("tMs").asLong() <= 1000).toList();
        assertThat(ticks).isEqualTo(expected);
        assertThat(firstT).isLessThan(500);
    }

    @Test
    void aSeekShowsTheTickAndTheHistoryBeforeIt() throws Exception {
        Path file = dir.resolve("race.jsonl.gz");
        HeadlessHarness.Result live = HeadlessHarness.run(HeadlessHarness.entry("race-counter",
                Map.of("increments", "100000000")), Duration.ofMillis(10), Duration.ofSeconds(2), file);
        List<JsonNode> samples = live.samples();
        try (Recording r = Recording.open(file)) {
            r.awaitIndexed();
            assertThat(r.ticks()).isEqualTo(samples.size());
            ReplaySource source = new ReplaySource(r, CATALOG);
            int target = samples.size() * 2 / 3;
            source.seek(target);
            List<Snapshot> shown = new ArrayList<>();
            do {
                shown.add(source.sample());
            } while (source.behind());
            assertThat(shown).hasSize(Math.min(target, ReplaySource.HISTORY));
            Snapshot at = shown.get(shown.size() - 1);
            assertThat(at.tMs()).isEqualTo(samples.get(target - 1).path("tMs").asLong());
            assertThat(at.counters().get("lost").longValue())
                    .isEqualTo(samples.get(target - 1).path("counters").path("lost").asLong());
            assertThat(source.playback().tick()).isEqualTo(target);
            source.step(-1);
            Snapshot back = null;
            do {
                back = source.sample();
            } while (source.behind());
            assertThat(back.tMs()).isEqualTo(samples.get(target - 2).path("tMs").asLong());
            assertThat(source.playback().playing()).as("a step holds").isFalse();
            assertThat(source.sample()).as("held: nothing new").isNull();
            source.close();
        }
    }

    @Test
    void aStackOpenedLiveIsSavedAndShownAtAndAfterItsTickOnly() throws Exception {
        Path file = dir.resolve("hello.jsonl.gz");
        dev.threadlab.watch.ScenarioSource source = new dev.threadlab.watch.ScenarioSource("stack-test");
        dev.threadlab.watch.Engine engine = new dev.threadlab.watch.Engine(source,
                new dev.threadlab.watch.Engine.Settings(Duration.ofMillis(50), null, null, true));
        engine.add(dev.threadlab.report.Recorder.open(file, p -> {
            throw new IllegalStateException(p);
        }));
        java.util.concurrent.CopyOnWriteArrayList<dev.threadlab.probe.StackSample> read =
                new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.control(new dev.threadlab.watch.Control.Start(HeadlessHarness.entry("hello-thread",
                Map.of("pace", "300ms"))), why -> { });
        engine.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> source.current() != null
                && source.current().ownThreads().size() == 2);
        Thread hello = source.current().ownThreads().get(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hello.isAlive());
        @SuppressWarnings("deprecation")
        long id = hello.getId();
        engine.readStack(id, "hello", read::add);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> read.size() == 1);
        assertThat(engine.awaitOver(Duration.ofSeconds(20))).isTrue();
        engine.close();

        try (Recording r = Recording.open(file)) {
            r.awaitIndexed();
            ReplaySource replay = new ReplaySource(r, CATALOG);
            replay.seek(r.ticks());
            while (replay.behind()) {
                replay.sample();
            }
            assertThat(replay.stack(id, "hello").lines()).isEqualTo(read.get(0).lines());
            replay.seek(1);
            while (replay.behind()) {
                replay.sample();
            }
            assertThat(replay.stack(id, "hello").lines().get(0)).startsWith("no stack of hello was saved");
            replay.close();
        }
    }
}
