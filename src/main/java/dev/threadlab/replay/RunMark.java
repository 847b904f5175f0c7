package dev.threadlab.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run in a recording, as its header or run record tells it, and where it sits on the recording's
 * time axis: the first run starts at 0, each later one where it began after the first.
 *
 * @param atMs   when the run began, in the recorder's clock
 * @param baseMs the recorder's clock at the first run: time 0 of the axis
 * @param header told by the header alone (a headless output, which has no run records)
 */
record RunMark(String kind, String target, String jdk, String scenario, Map<String, String> params, long atMs,
        long baseMs, boolean header) {

    static RunMark of(JsonNode n, long atMs, RunMark before) {
        Map<String, String> params = new LinkedHashMap<>();
        n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        boolean header = n.path("type").asText().equals("header");
        long base = before == null || before.header() ? atMs : before.baseMs();
        return new RunMark(n.path("source").asText(), n.path("target").asText(), n.path("jdk").asText(),
                n.hasNonNull("scenario") ? n.get("scenario").asText() : null, params, atMs, base, header);
    }

    /** A sample's place on the recording's time axis, from its time in the run. */
    long timeOf(long tMs) {
        return atMs - baseMs + tMs;
    }
}
