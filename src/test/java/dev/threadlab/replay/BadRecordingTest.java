package dev.threadlab.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.HeadlessHarness;
import dev.threadlab.MainProcess;
import dev.threadlab.UserError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings that are not whole, not ours, or not there: one clear line, or as much as can be read. */
class BadRecordingTest {
    @TempDir
    static Path dir;

    private static HeadlessHarness.Result live;
    private static HeadlessHarness.Result gzipLive;
    private static Path plain;
    private static Path gzip;

    @BeforeAll
    static void record() {
        plain = dir.resolve("r.jsonl");
        gzip = dir.resolve("r.jsonl.gz");
        live = HeadlessHarness.run(HeadlessHarness.entry("race-counter", Map.of("increments", "100000000")),
                Duration.ofMillis(20), Duration.ofSeconds(1), plain);
        gzipLive = HeadlessHarness.run(HeadlessHarness.entry("race-counter", Map.of("increments", "100000000")),
                Duration.ofMillis(20), Duration.ofSeconds(1), gzip);
    }

    private static List<JsonNode> samples(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Recording r = Recording.open(file)) {
            assertThat(new Slice(r, out).window(null, null)).as("whole").isFalse();
        }
        return HeadlessHarness.parse(out.toString(StandardCharsets.UTF_8)).stream()
                .filter(l -> l.path("type").asText().equals("sample")).toList();
    }

    @Test
    void aPlainRecordingCutMidLinePlaysUpToItsLastWholeRecord() throws Exception {
        byte[] all = Files.readAllBytes(plain);
        int lastLine = lastIndexOf(all, (byte) '\n', all.length - 2);
        Path cut = dir.resolve("cut.jsonl");
        Files.write(cut, Arrays.copyOf(all, lastLine + 1 + 40)); // 40 bytes into the summary line
        List<JsonNode> samples = samples(cut);
        assertThat(samples).isEqualTo(live.samples());
        try (Recording r = Recording.open(cut)) {
            r.awaitIndexed();
            assertThat(r.truncated()).isTrue();
            assertThat(r.error()).isNull();
            assertThat(r.ticks()).isEqualTo(live.samples().size());
        }
    }

    @Test
    void aGzipRecordingCutShortPlaysWhatCanBeRead() throws Exception {
        byte[] all = Files.readAllBytes(gzip);
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(all, all.length - all.length / 4));
        List<JsonNode> samples = samples(cut);
        assertThat(samples).isNotEmpty();
        assertThat(samples.size()).isLessThan(gzipLive.samples().size());
        assertThat(samples).as("the samples read are the first ones recorded")
                .isEqualTo(gzipLive.samples().subList(0, samples.size()));
        try (Recording r = Recording.open(cut)) {
            r.awaitIndexed();
            assertThat(r.truncated()).isTrue();
            assertThat(r.ticks()).isEqualTo(samples.size());
        }
    }

    @Test
    void aGarbledRecordInTheMiddleIsNamedByItsLine() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(plain));
        lines.set(5, "{\"type\":\"delta\",\"tMs\":12,oops}");
        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, lines);
        try (Recording r = Recording.open(bad)) {
            assertThatThrownBy(() -> new Slice(r, new ByteArrayOutputStream()).window(null, null))
                    .isInstanceOf(Garbled.class).hasMessage(bad + ":6: not a ThreadLab record");
        }
        lines.set(5, "hello");
        Files.write(bad, lines);
        try (Recording r = Recording.open(bad)) {
            r.awaitIndexed();
            assertThat(r.error()).isEqualTo(bad + ":6: not a ThreadLab record");
        }
    }

    @Test
    void whatIsNotARecordingIsToldInOneLine() throws Exception {
        assertThatThrownBy(() -> Recording.open(dir.resolve("none.jsonl"))).isInstanceOf(UserError.class)
                .hasMessage(dir.resolve("none.jsonl") + ": no such file");
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello\n");
        assertThatThrownBy(() -> Recording.open(text)).isInstanceOf(UserError.class)
                .hasMessageStartingWith(text + ": not a ThreadLab recording");
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> Recording.open(empty)).hasMessageStartingWith(empty + ": not a ThreadLab recording");
        Path newer = dir.resolve("newer.jsonl");
        Files.writeString(newer, Files.readAllLines(plain).get(0).replace("\"format\":1", "\"format\":2") + "\n");
        assertThatThrownBy(() -> Recording.open(newer)).isInstanceOf(UserError.class)
                .hasMessage(newer + ": recording format 2 is newer than this ThreadLab reads (1): use a newer ThreadLab");
    }

    @Test
    void theCommandSaysSoInOneLineAndExitsTwo() throws Exception {
        MainProcess.Ran gone = MainProcess.run(dir, Duration.ofSeconds(30), "replay", "nowhere.jsonl", "--headless");
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.err().strip()).isEqualTo("threadlab: nowhere.jsonl: no such file");
        List<String> lines = new ArrayList<>(Files.readAllLines(plain));
        lines.set(5, "garbage");
        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, lines);
        MainProcess.Ran garbled = MainProcess.run(dir, Duration.ofSeconds(30), "replay", bad.toString(), "--headless");
        assertThat(garbled.code()).isEqualTo(2);
        assertThat(garbled.err().strip()).isEqualTo("threadlab: " + bad + ":6: not a ThreadLab record");
        MainProcess.Ran at = MainProcess.run(dir, Duration.ofSeconds(30), "replay", plain.toString(), "--headless",
                "--at", "400ms");
        assertThat(at.code()).as(at.err()).isZero();
        assertThat(at.samples()).hasSize(1);
        JsonNode expected = null;
        for (JsonNode s : live.samples()) {
            if (s.path("tMs").asLong() <= 400) {
                expected = s;
            }
        }
        assertThat(at.samples().get(0)).isEqualTo(expected);
    }

    private static int lastIndexOf(byte[] b, byte x, int from) {
        for (int i = from; i >= 0; i--) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
