package dev.threadlab.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its line. Jackson's data binding forgets where
 * a value came from; walking its parser keeps it, so errors can say {@code file:line}.
 */
public final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlTree() {
    }

    public sealed interface Node permits Scalar, Mapping, Sequence {
        int line();

        /** What a message says this node is: "a list", "a mapping", "a value". */
        String kind();
    }

    /** A plain value; {@code text} is null for YAML's null ({@code ~} or nothing). */
    public record Scalar(String text, int line) implements Node {
        @Override
        public String kind() {
            return "a value";
        }
    }

    public record Mapping(Map<String, Entry> entries, int line) implements Node {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    public record Sequence(List<Node> items, int line) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A key of a mapping, with its own line, and its value. */
    public record Entry(String key, int keyLine, Node value) {
    }

    /** Reads one YAML document; a syntax error becomes a {@link ConfigError} at its line. */
    public static Node parse(Reader in, String source) {
        try (JsonParser p = YAML.createParser(in)) {
            if (p.nextToken() == null) {
                throw new ConfigError(source, 1, "the file is empty (expected 'scenarios:' and a list)");
            }
            return read(p, source);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new ConfigError(source, line, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ConfigError(source, 1, "cannot read: " + e.getMessage());
        }
    }

    private static Node read(JsonParser p, String source) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                Node value = read(p, source);
                if (entries.putIfAbsent(key, new Entry(key, keyLine, value)) != null) {
                    throw new ConfigError(source, keyLine, "'" + key + "' appears twice in the same mapping");
                }
            }
            return new Mapping(Collections.unmodifiableMap(entries), line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(p, source));
            }
            return new Sequence(List.copyOf(items), line);
        }
        return new Scalar(t == JsonToken.VALUE_NULL ? null : p.getText(), line);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }
}
