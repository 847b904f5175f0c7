package dev.threadlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadlab.UserError;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p;
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (ConfigError e) {
            return e.getMessage();
        }
        throw new AssertionError("no ConfigError");
    }

    @Test
    void defaultCatalogueHasTheFiveFirstLessonsWithLessonTexts() {
        ScenarioCatalog c = CatalogLoader.loadDefault();
        assertThat(c.entries()).extracting(ScenarioEntry::id)
                .contains("hello-thread", "interleaving", "race-counter", "locked-counter", "thread-pool");
        assertThat(c.entries()).allSatisfy(e -> {
            assertThat(e.title()).isNotBlank();
            assertThat(e.lesson()).hasSizeGreaterThan(40);
        });
        assertThat(c.get("race-counter").params().choice("lock")).isEqualTo("none");
        assertThat(c.get("locked-counter").params().choice("lock")).isEqualTo("synchronized");
    }

    @Test
    void aUserEntryIsAddedWithoutJavaAndInheritsTitleAndLessonFromItsType() throws IOException {
        Path f = write("my.yaml", """
                scenarios:
                  - id: race-8
                    type: counter
                    params:
                      threads: 8
                      work: 1us
                """);
        ScenarioCatalog c = CatalogLoader.load(List.of(f));
        ScenarioEntry e = c.get("race-8");
        assertThat(e.params().integer("threads")).isEqualTo(8);
        assertThat(e.params().duration("work")).isEqualTo(Duration.ofNanos(1000));
        assertThat(e.params().longValue("increments")).isEqualTo(1_000_000L); // the type's default
        assertThat(e.lesson()).isEqualTo(c.get("race-counter").lesson());
        assertThat(c.find("hello-thread")).isPresent();
    }

    @Test
    void anEntryWithAnExistingIdReplacesIt() throws IOException {
        Path f = write("mine.yaml", """
                scenarios:
                  - id: thread-pool
                    type: thread-pool
                    title: Bigger pool
                    params: {workers: 8, tasks: 50}
                """);
        ScenarioCatalog c = CatalogLoader.load(List.of(f));
        assertThat(c.get("thread-pool").title()).isEqualTo("Bigger pool");
        assertThat(c.get("thread-pool").params().integer("workers")).isEqualTo(8);
        assertThat(c.entries().stream().filter(e -> e.id().equals("thread-pool"))).hasSize(1);
    }

    @Test
    void anOutOfRangeValueNamesFileLineKeyAndRange() throws IOException {
        Path f = write("scenarios.yaml", """
                scenarios:
                  - id: race-8
                    type: counter
                    params:
                      threads: -3
                """);
        assertThat(messageOf(() -> CatalogLoader.load(List.of(f))))
                .isEqualTo(f + ":5: threads must be 1..4096, got -3");
    }

    @Test
    void malformedYamlIsReportedAtItsLine() throws IOException {
        Path f = write("broken.yaml", """
                scenarios:
                  - id: a
                    type: counter
                   params: [oops
                """);
        String msg = messageOf(() -> CatalogLoader.load(List.of(f)));
        assertThat(msg).startsWith(f + ":").contains("not valid YAML").doesNotContain("\n");
        assertThat(msg).matches(".*broken\\.yaml:[3-5]: .*");
    }

    @Test
    void mistakesInStructureSayWhatWasExpected() throws IOException {
        assertThat(messageOf(() -> CatalogLoader.load(List.of(uncheckedWrite("a.yaml", "scenario: []\n")))))
                .endsWith("a.yaml:1: unknown key 'scenario' (expected 'scenarios')");
        assertThat(messageOf(() -> CatalogLoader.load(List.of(uncheckedWrite("b.yaml", """
                scenarios:
                  - id: x
                    type: nope
                """))))).contains("b.yaml:3: unknown type 'nope' (known: hello-thread, interleaving, counter, thread-pool");
        assertThat(messageOf(() -> CatalogLoader.load(List.of(uncheckedWrite("c.yaml", """
                scenarios:
                  - id: x
                    type: counter
                    params:
                      thread: 2
                """))))).endsWith("c.yaml:5: type counter has no parameter 'thread' (it has: threads, increments, "
                + "work, lock)");
        assertThat(messageOf(() -> CatalogLoader.load(List.of(uncheckedWrite("d.yaml", """
                scenarios:
                  - id: x
                    type: counter
                  - id: x
                    type: counter
                """))))).endsWith("d.yaml:4: id 'x' is already used at line 2");
        assertThat(messageOf(() -> CatalogLoader.load(List.of(uncheckedWrite("e.yaml", """
                scenarios:
                  - id: x
                    type: counter
                    params:
                      lock: maybe
                """))))).endsWith("e.yaml:5: lock must be one of none, synchronized, reentrant, got 'maybe'");
        assertThat(messageOf(() -> CatalogLoader.load(List.of(uncheckedWrite("f.yaml", "")))))
                .endsWith("f.yaml:1: the file is empty (expected 'scenarios:' and a list)");
    }

    private Path uncheckedWrite(String name, String yaml) {
        try {
            return write(name, yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMissingFileIsOneLine() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> CatalogLoader.load(List.of(missing)))
                .isInstanceOf(UserError.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void everyDefaultEntryDeclaresWhatItsLessonIsAboutAndAUserEntryInheritsOrReplacesIt() throws IOException {
        ScenarioCatalog defaults = CatalogLoader.loadDefault();
        assertThat(defaults.entries()).allSatisfy(e -> assertThat(e.focus().panes()).as(e.id()).isNotEmpty());
        assertThat(defaults.get("thread-pool").focus().panes()).containsExactly("pools", "output");
        assertThat(defaults.get("semaphore").focus().counters()).contains("inside", "permits", "maxConcurrent");
        Path f = write("my.yaml", """
                scenarios:
                  - id: race-8
                    type: counter
                  - id: race-9
                    type: counter
                    focus:
                      panes: [threads]
                      counters: [done]
                """);
        ScenarioCatalog c = CatalogLoader.load(List.of(f));
        assertThat(c.get("race-8").focus()).isEqualTo(defaults.get("race-counter").focus());
        assertThat(c.get("race-9").focus().panes()).containsExactly("threads");
        assertThat(c.get("race-9").focus().counters()).containsExactly("done");
    }

    @Test
    void anUnknownPaneInFocusNamesItsLineAndThePanesThereAre() throws IOException {
        Path f = write("bad.yaml", """
                scenarios:
                  - id: race-8
                    type: counter
                    focus:
                      panes:
                        - counters
                        - lockz
                """);
        assertThat(messageOf(() -> CatalogLoader.load(List.of(f))))
                .isEqualTo(f + ":7: unknown pane 'lockz' (known: threads, timeline, counters, locks, pools, output)");
        Path g = write("bad2.yaml", """
                scenarios:
                  - id: race-8
                    type: counter
                    focus:
                      pane: [counters]
                """);
        assertThat(messageOf(() -> CatalogLoader.load(List.of(g))))
                .isEqualTo(g + ":5: unknown key 'pane' in focus (expected panes, counters)");
    }
}
