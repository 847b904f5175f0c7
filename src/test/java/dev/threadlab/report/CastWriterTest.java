package dev.threadlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CastWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesAnAsciicastV2HeaderAndEventsInTimeOrder() throws Exception {
        Path f = dir.resolve("sub/x.cast");
        try (CastWriter w = new CastWriter(f, 100, 30, "ThreadLab: race", Map.of("TERM", "xterm-256color"))) {
            w.output("\u001b[2Jhello ▶");
            w.resize(80, 24);
            w.output("\u001b[1;1Hbye");
        }
        List<String> lines = Files.readAllLines(f);
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(lines.get(0));
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("width").asInt()).isEqualTo(100);
        assertThat(header.get("height").asInt()).isEqualTo(30);
        assertThat(header.get("timestamp").asLong()).isPositive();
        assertThat(header.get("title").asText()).isEqualTo("ThreadLab: race");
        assertThat(lines).hasSize(4);
        double last = -1;
        for (String l : lines.subList(1, 4)) {
            JsonNode e = json.readTree(l);
            assertThat(e.get(0).asDouble()).isGreaterThanOrEqualTo(last);
            last = e.get(0).asDouble();
        }
        assertThat(json.readTree(lines.get(1)).get(2).asText()).isEqualTo("\u001b[2Jhello ▶");
        assertThat(json.readTree(lines.get(2)).get(1).asText()).isEqualTo("r");
        assertThat(json.readTree(lines.get(2)).get(2).asText()).isEqualTo("80x24");
    }
}
