package dev.threadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadlab.probe.Cause;
import dev.threadlab.scenario.ScenarioEntry;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lesson line has two rows at 80x24 and 100x30 and cuts the rest: each lesson opens with the
 * sentence that says what to watch, and that sentence must be read whole at the smallest full size.
 */
class LessonTextTest {

    static Stream<String> ids() {
        return ScreenFixture.CATALOG.entries().stream().map(ScenarioEntry::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void theFirstSentenceIsWholeOnTheLessonLinesAt80x24(String id) {
        ScreenFixture s = new ScreenFixture(80, 24);
        s.entryId = id;
        s.record(ScreenFixture.snapshot(100, List.of(ScreenFixture.thread(1, "main", Thread.State.RUNNABLE,
                Cause.RUNNING)), Map.of(), List.of(), List.of(), List.of(), id));
        s.draw();
        String shown = (s.row(21).strip() + " " + s.row(22).strip()).replaceFirst("^Lesson: ", "");
        String lesson = ScreenFixture.CATALOG.get(id).lesson().replaceAll("\\s+", " ").strip();
        int end = lesson.indexOf(". ");
        String first = end < 0 ? lesson : lesson.substring(0, end + 1);
        assertThat(shown).as("rows 21-22 at 80x24").contains(first);
    }
}
