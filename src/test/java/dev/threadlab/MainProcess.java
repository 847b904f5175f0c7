package dev.threadlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code threadlab} in a JVM of its own, started from the test class path: for what only a whole
 * process shows (that it exits, what it leaves behind). The process is killed if it overruns.
 */
public final class MainProcess {
    private MainProcess() {
    }

    public record Ran(int code, long pid, List<JsonNode> lines, String err) {
        public JsonNode summary() {
            JsonNode last = lines.get(lines.size() - 1);
            if (!last.path("type").asText().equals("summary")) {
                throw new AssertionError("last line is not the summary: " + last);
            }
            return last;
        }

        public List<JsonNode> samples() {
            return lines.stream().filter(l -> l.path("type").asText().equals("sample")).toList();
        }
    }

    public static Ran run(Path dir, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("THREADLAB_LOG", dir.resolve("threadlab.log").toString());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("threadlab did not exit within " + timeout + ": " + String.join(" ", args));
            }
        } finally {
            p.destroyForcibly();
        }
        return new Ran(p.exitValue(), p.pid(), HeadlessHarness.parse(Files.readString(out, StandardCharsets.UTF_8)),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
