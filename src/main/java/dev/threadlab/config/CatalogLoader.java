package dev.threadlab.config;

import dev.threadlab.config.YamlTree.Entry;
import dev.threadlab.config.YamlTree.Mapping;
import dev.threadlab.config.YamlTree.Node;
import dev.threadlab.config.YamlTree.Scalar;
import dev.threadlab.config.YamlTree.Sequence;
import dev.threadlab.scenario.LessonFocus;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.scenario.ScenarioType;
import dev.threadlab.scenario.catalog.ScenarioTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads scenario catalogues: the default one packaged in the jar (from {@code config/scenarios.yaml})
 * and any a user names with {@code --config}. Every value is checked against its scenario type
 * while the line it came from is still known.
 */
public final class CatalogLoader {
    public static final String DEFAULT_RESOURCE = "scenarios.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Set<String> ENTRY_KEYS = Set.of("id", "type", "title", "lesson", "focus", "params");

    private CatalogLoader() {
    }

    /** The default catalogue, with each {@code --config} file added in turn (same id: the later wins). */
    public static ScenarioCatalog load(List<Path> extra) {
        ScenarioCatalog catalog = loadDefault();
        for (Path p : extra) {
            catalog = catalog.plus(loadFile(p, catalog));
        }
        return catalog;
    }

    public static ScenarioCatalog loadDefault() {
        InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the jar has no " + DEFAULT_RESOURCE);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(r, DEFAULT_RESOURCE, new ScenarioCatalog(List.of()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A user's file; entries that leave out a title or lesson take them from {@code base}'s entry of the same type. */
    public static ScenarioCatalog loadFile(Path file, ScenarioCatalog base) {
        String source = file.toString();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, source, base);
        } catch (NoSuchFileException e) {
            throw new ConfigError(source, 0, "no such file");
        } catch (IOException e) {
            throw new ConfigError(source, 0, "cannot read: " + e.getMessage());
        }
    }

    static ScenarioCatalog parse(Reader in, String source, ScenarioCatalog base) {
        Node root = YamlTree.parse(in, source);
        Mapping top = expect(root, Mapping.class, source, "the file must be a mapping with 'scenarios:'");
        for (Entry e : top.entries().values()) {
            if (!e.key().equals("scenarios")) {
                throw new ConfigError(source, e.keyLine(), "unknown key '" + e.key() + "' (expected 'scenarios')");
            }
        }
        Entry list = top.entries().get("scenarios");
        if (list == null) {
            throw new ConfigError(source, top.line(), "missing 'scenarios:' (a list of scenario entries)");
        }
        Sequence items = expect(list.value(), Sequence.class, source, "'scenarios' must be a list of entries");
        List<ScenarioEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node item : items.items()) {
            ScenarioEntry e = entry(item, source, base, entries);
            Integer before = seen.put(e.id(), item.line());
            if (before != null) {
                throw new ConfigError(source, item.line(), "id '" + e.id() + "' is already used at line " + before);
            }
            entries.add(e);
        }
        return new ScenarioCatalog(entries);
    }

    private static ScenarioEntry entry(Node node, String source, ScenarioCatalog base, List<ScenarioEntry> earlier) {
        Mapping m = expect(node, Mapping.class, source, "each scenario must be a mapping with id, type, params");
        for (Entry e : m.entries().values()) {
            if (!ENTRY_KEYS.contains(e.key())) {
                throw new ConfigError(source, e.keyLine(), "unknown key '" + e.key()
                        + "' (expected id, type, title, lesson, focus, params)");
            }
        }
        String id = requiredText(m, "id", source);
        if (!ID.matcher(id).matches()) {
            throw new ConfigError(source, m.entries().get("id").keyLine(),
                    "id must be lower-case letters, digits and '-', got '" + id + "'");
        }
        String typeName = requiredText(m, "type", source);
        ScenarioType type = ScenarioTypes.find(typeName).orElseThrow(() -> new ConfigError(source,
                m.entries().get("type").keyLine(), "unknown type '" + typeName + "' (known: "
                        + String.join(", ", ScenarioTypes.names()) + ")"));
        Params params = Params.of(type, params(m.entries().get("params"), type, source));
        ScenarioEntry like = sameType(type, earlier, base);
        String title = optionalText(m, "title", source, like == null ? id : like.title());
        String lesson = optionalText(m, "lesson", source, like == null ? "" : like.lesson());
        Entry focus = m.entries().get("focus");
        LessonFocus lessonFocus = focus != null ? focus(focus, source)
                : like == null ? LessonFocus.NONE : like.focus();
        return new ScenarioEntry(id, type, title, lesson.strip(), lessonFocus, params, source + ":" + m.line());
    }

    private static ScenarioEntry sameType(ScenarioType type, List<ScenarioEntry> earlier, ScenarioCatalog base) {
        for (ScenarioEntry e : base.entries()) {
            if (e.type().equals(type)) {
                return e;
            }
        }
        return earlier.stream().filter(e -> e.type().equals(type)).findFirst().orElse(null);
    }

    /** {@code focus: {panes: [counters, output], counters: [lost]}}: what the lesson is about, kept in view. */
    private static LessonFocus focus(Entry entry, String source) {
        Mapping m = expect(entry.value(), Mapping.class, source, "focus must be a mapping with panes and counters");
        for (Entry e : m.entries().values()) {
            if (!e.key().equals("panes") && !e.key().equals("counters")) {
                throw new ConfigError(source, e.keyLine(), "unknown key '" + e.key()
                        + "' in focus (expected panes, counters)");
            }
        }
        List<String> panes = names(m.entries().get("panes"), source);
        for (int i = 0; i < panes.size(); i++) {
            if (!LessonFocus.PANES.contains(panes.get(i))) {
                throw new ConfigError(source, lineOf(m.entries().get("panes"), i), "unknown pane '" + panes.get(i)
                        + "' (known: " + String.join(", ", LessonFocus.PANES) + ")");
            }
        }
        List<String> counters = names(m.entries().get("counters"), source);
        for (int i = 0; i < counters.size(); i++) {
            if (!NAME.matcher(counters.get(i)).matches()) {
                throw new ConfigError(source, lineOf(m.entries().get("counters"), i),
                        "a counter name is letters and digits, got '" + counters.get(i) + "'");
            }
        }
        return new LessonFocus(panes, counters);
    }

    private static List<String> names(Entry entry, String source) {
        if (entry == null || entry.value() instanceof Scalar s && s.text() == null) {
            return List.of();
        }
        Sequence list = expect(entry.value(), Sequence.class, source, entry.key() + " must be a list, like [a, b]");
        List<String> out = new ArrayList<>();
        for (Node n : list.items()) {
            Scalar s = expect(n, Scalar.class, source, entry.key() + " must list single names");
            out.add(s.text() == null ? "" : s.text().strip());
        }
        return out;
    }

    private static int lineOf(Entry entry, int item) {
        return ((Sequence) entry.value()).items().get(item).line();
    }

    private static Map<String, Object> params(Entry entry, ScenarioType type, String source) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (entry == null || entry.value() instanceof Scalar s && s.text() == null) {
            return values;
        }
        Mapping m = expect(entry.value(), Mapping.class, source, "params must be a mapping of name: value");
        for (Entry e : m.entries().values()) {
            ParamSpec spec = type.param(e.key()).orElseThrow(() -> new ConfigError(source, e.keyLine(),
                    "type " + type.name() + " has no parameter '" + e.key() + "' (it has: "
                            + String.join(", ", type.paramNames()) + ")"));
            Scalar value = expect(e.value(), Scalar.class, source, e.key() + " must be a single value");
            try {
                values.put(e.key(), spec.parse(value.text()));
            } catch (IllegalArgumentException ex) {
                throw new ConfigError(source, value.line(), ex.getMessage());
            }
        }
        return values;
    }

    private static String requiredText(Mapping m, String key, String source) {
        Entry e = m.entries().get(key);
        if (e == null) {
            throw new ConfigError(source, m.line(), "scenario entry has no '" + key + "'");
        }
        Scalar s = expect(e.value(), Scalar.class, source, key + " must be a single value");
        if (s.text() == null || s.text().isBlank()) {
            throw new ConfigError(source, e.keyLine(), key + " must not be empty");
        }
        return s.text().strip();
    }

    private static String optionalText(Mapping m, String key, String source, String fallback) {
        Entry e = m.entries().get(key);
        if (e == null) {
            return fallback;
        }
        Scalar s = expect(e.value(), Scalar.class, source, key + " must be text");
        return s.text() == null ? fallback : s.text();
    }

    private static <T extends Node> T expect(Node node, Class<T> kind, String source, String problem) {
        if (kind.isInstance(node)) {
            return kind.cast(node);
        }
        throw new ConfigError(source, node.line(), problem + ", got " + node.kind());
    }
}
