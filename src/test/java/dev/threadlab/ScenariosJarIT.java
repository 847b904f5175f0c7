package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lessons that depend on the whole process, run from the packaged jar as a user runs them. */
class ScenariosJarIT {
    @TempDir
    Path dir;

    private record Ran(int code, List<JsonNode> lines, String err) {
        JsonNode summary() {
            JsonNode last = lines.get(lines.size() - 1);
            assertThat(last.get("type").asText()).isEqualTo("summary");
            return last;
        }

        List<JsonNode> samples() {
            return lines.stream().filter(l -> l.get("type").asText().equals("sample")).toList();
        }
    }

    private Ran run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JarIT.JAVA, "-jar", JarIT.JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("THREADLAB_LOG", dir.resolve("threadlab.log").toString());
        Process p = pb.start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("threadlab exited in time").isTrue();
        } finally {
            p.destroyForcibly();
        }
        return new Ran(p.exitValue(), HeadlessHarness.parse(Files.readString(out, StandardCharsets.UTF_8)),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theDeadlockShowsInTheSamplesAndDurationFreesItAndTheJvmExits() throws Exception {
        Ran r = run("run", "deadlock", "--headless", "--duration", "3s");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<Long> workers = new ArrayList<>();
        for (JsonNode t : r.samples().get(r.samples().size() - 1).get("threads")) {
            if (t.get("scenario").asBoolean() && t.get("name").asText().startsWith("worker-")) {
                workers.add(t.get("id").asLong());
            }
        }
        assertThat(workers).hasSize(2);
        assertThat(r.samples()).anySatisfy(s -> assertThat(s.get("deadlocked")).extracting(JsonNode::asLong)
                .containsExactlyInAnyOrderElementsOf(workers));
        assertThat(r.summary().get("status").asText()).isEqualTo("stopped");
        assertThat(r.summary().get("counters").get("freed").asInt()).isEqualTo(2);
        assertThat(r.summary().has("note")).isFalse();
    }

    @Test
    void childJvmsStartFromTheJarsOwnClassPath() throws Exception {
        Ran daemon = run("run", "daemon-threads", "--headless", "--set", "steps=2", "--set", "pace=100ms");
        assertThat(daemon.code()).isZero();
        assertThat(daemon.summary().get("childExitCode").asInt()).isZero();
        assertThat(daemon.summary().get("nonDaemon").get("done").asInt()).isEqualTo(2);
        assertThat(daemon.summary().get("daemon").get("done").asInt()).isLessThan(10);

        Ran tvp = run("run", "threads-vs-processes", "--headless", "--set", "workers=2", "--set", "hold=0");
        assertThat(tvp.code()).isZero();
        assertThat(tvp.summary().get("processes").get("ownCounters")).extracting(JsonNode::asLong)
                .containsExactly(100_000L, 100_000L);
        assertThat(tvp.summary().get("processes").get("memoryKbPerWorker").asLong()).isGreaterThan(10_000);
    }

    @Test
    void virtualThreadsRunOn21AndUpAndEndWithANoteBefore() throws Exception {
        Ran r = run("run", "virtual-threads", "--headless", "--set", "virtualThreads=2000", "--set", "wait=300ms",
                "--set", "pace=0");
        assertThat(r.code()).isZero();
        JsonNode s = r.summary();
        assertThat(s.get("status").asText()).isEqualTo("finished");
        if (Runtime.version().feature() >= 21) {
            assertThat(s.get("supported").asBoolean()).isTrue();
            assertThat(s.get("virtual").get("done").asInt()).isEqualTo(2000);
        } else {
            assertThat(s.get("supported").asBoolean()).isFalse();
            assertThat(s.get("note").asText()).contains("JDK 21 or newer");
        }
    }
}
