package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it: a real process, its stdout, stderr and exit code. */
class JarIT {
    static final Path JAR = Path.of(System.getProperty("threadlab.jar", "target/threadlab.jar"));
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    record Ran(int code, String out, String err) {
        List<JsonNode> json() {
            return HeadlessHarness.parse(out);
        }

        JsonNode summary() {
            List<JsonNode> lines = json();
            JsonNode last = lines.get(lines.size() - 1);
            assertThat(last.get("type").asText()).isEqualTo("summary");
            return last;
        }
    }

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("THREADLAB_LOG", dir.resolve("threadlab.log").toString());
        pb.environment().put("LANG", "C"); // JSON must be UTF-8 whatever the locale
        pb.redirectOutput(dir.resolve("out-" + started.size()).toFile());
        pb.redirectError(dir.resolve("err-" + started.size()).toFile());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private Ran finish(Process p, Duration timeout) throws Exception {
        assertThat(p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)).as("process ended in time").isTrue();
        int i = started.indexOf(p);
        return new Ran(p.exitValue(), Files.readString(dir.resolve("out-" + i), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err-" + i), StandardCharsets.UTF_8));
    }

    private Ran run(Duration timeout, String... args) throws Exception {
        return finish(start(args), timeout);
    }

    @AfterEach
    void noProcessLeft() {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                throw new AssertionError("a threadlab process was left running: " + p.pid());
            }
        }
    }

    @Test
    void listWorksFromAnyDirectory() throws Exception {
        Ran r = run(Duration.ofSeconds(30), "list");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("hello-thread", "interleaving", "race-counter", "locked-counter", "thread-pool");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theRaceAtItsDefaultsLosesUpdatesAndTheLockLosesNone() throws Exception {
        Process race = start("run", "race-counter", "--headless", "--duration", "20s");
        Ran r = finish(race, Duration.ofSeconds(60));
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<JsonNode> lines = r.json(); // every stdout line parses: no log line ever lands there
        assertThat(lines).isNotEmpty();
        assertThat(r.summary().get("counters").get("lost").asLong()).isPositive();
        assertThat(r.summary().get("status").asText()).isEqualTo("finished");

        Ran locked = run(Duration.ofSeconds(60), "run", "locked-counter", "--headless", "--duration", "20s");
        assertThat(locked.code()).isZero();
        assertThat(locked.summary().get("counters").get("lost").asLong()).isZero();
        assertThat(locked.summary().get("counters").get("actual").asLong()).isPositive();
    }

    @Test
    void thePoolAndTheLifecycleRunAsPromised() throws Exception {
        Ran pool = run(Duration.ofSeconds(60), "run", "thread-pool", "--headless");
        assertThat(pool.summary().get("results").toString()).isEqualTo("[1,4,9,16,25]");

        Ran hello = run(Duration.ofSeconds(60), "run", "hello-thread", "--headless", "--interval", "100ms");
        List<String> states = new ArrayList<>();
        for (JsonNode line : hello.json()) {
            if (line.get("type").asText().equals("sample")) {
                for (JsonNode t : line.get("threads")) {
                    if (t.get("name").asText().equals("hello") && t.get("scenario").asBoolean()) {
                        states.add(t.get("state").asText());
                    }
                }
            }
        }
        assertThat(states).first().isEqualTo("NEW");
        assertThat(states).last().isEqualTo("TERMINATED");
    }

    @Test
    void aMalformedConfigGetsOneLineWithFileAndLineAndExitTwo() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "scenarios:\n  - id: x\n    type: counter\n    params:\n      threads: -3\n");
        Ran r = run(Duration.ofSeconds(30), "run", "x", "--headless", "--config", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("threadlab: " + bad + ":5: threads must be 1..4096, got -3");
    }

    @Test
    void ctrlCStopsTheScenarioWritesTheSummaryAndExitsZero() throws Exception {
        Process p = start("run", "race-counter", "--headless");
        File out = dir.resolve("out-" + started.indexOf(p)).toFile();
        await().atMost(Duration.ofSeconds(30)).until(() -> out.length() > 0 && Files.readString(out.toPath())
                .contains("\"counter-1\""));
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        Ran r = finish(p, Duration.ofSeconds(20));
        assertThat(r.code()).isZero();
        assertThat(r.summary().get("status").asText()).isEqualTo("stopped");
        assertThat(r.summary().get("counters").get("done").asLong()).isPositive();
    }
}
