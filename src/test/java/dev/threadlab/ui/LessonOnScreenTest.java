package dev.threadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.scenario.ScenarioRun;
import dev.threadlab.ui.ViewState.Focus;
import dev.threadlab.ui.panes.Format;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each lesson run for real, drawn at 80x24 every tick as a learner who presses no key sees it: the
 * panes its entry declares stay open, and every counter the lesson names in quotes is on screen
 * with the value it has in that very frame, within 30 s.
 */
class LessonOnScreenTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofMillis(250);
    /** A quoted name: 'lost', 'not full'; not the s of "Python's". */
    private static final Pattern QUOTED = Pattern.compile("(?<![A-Za-z])'([A-Za-z][A-Za-z0-9 -]*)'");

    static Stream<String> ids() {
        return ScreenFixture.CATALOG.entries().stream().map(ScenarioEntry::id);
    }

    static Set<String> quoted(String lesson) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = QUOTED.matcher(lesson.replaceAll("\\s+", " "));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void at80x24EveryCounterTheLessonNamesIsOnScreenWithItsValueAndItsPanesStayOpen(String id) throws Exception {
        ScenarioEntry entry = ScreenFixture.CATALOG.get(id);
        Set<String> named = quoted(entry.lesson());
        List<String> declared = entry.focus().counters();
        List<Focus> panes = Layout.lessonPanes(entry);
        ScreenFixture s = new ScreenFixture(80, 24);
        s.entryId = id;
        Set<String> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        try (Sampler sampler = new Sampler(ManagementFactory.getThreadMXBean())) {
            ScenarioRun run = ScenarioRun.start(entry);
            try {
                long deadline = System.nanoTime() + LIMIT.toNanos();
                int ticks = 0;
                while (problems.isEmpty() && System.nanoTime() < deadline) {
                    boolean ended = run.hasEnded();
                    Snapshot snap = sampler.tick(run);
                    s.record(snap);
                    s.draw();
                    ticks++;
                    check(s, snap, named, declared, panes, seen, problems);
                    boolean allSeen = seen.containsAll(declared);
                    if (ended || allSeen && ticks >= 4) {
                        break;
                    }
                    run.awaitEnd(INTERVAL);
                }
            } finally {
                run.stop(Duration.ofSeconds(6));
            }
        }
        assertThat(problems).as(id).isEmpty();
        assumeFalse(Boolean.FALSE.equals(s.history.latest().results().get("supported")),
                id + " does not run on JDK " + Runtime.version().feature());
        assertThat(seen).as(id + ": the counters its focus declares, seen on screen with their values within "
                + LIMIT.toSeconds() + " s").containsAll(declared);
    }

    private static void check(ScreenFixture s, Snapshot snap, Set<String> named, List<String> declared,
            List<Focus> panes, Set<String> seen, List<String> problems) {
        for (Focus f : panes) {
            if (s.layout.folded().contains(f) || s.layout.listRows(f) == 0) {
                problems.add("at " + snap.tMs() + " ms the lesson's pane " + f.title() + " is folded:\n" + s.text());
            }
        }
        long alive = snap.scenarioThreads().stream().filter(t -> t.state() != Thread.State.TERMINATED).count();
        if (panes.contains(Focus.THREADS) && s.layout.listRows(Focus.THREADS) - 1 < alive) {
            problems.add("at " + snap.tMs() + " ms the lesson is about the threads, and " + alive
                    + " are alive, but the list has room for " + (s.layout.listRows(Focus.THREADS) - 1) + ":\n"
                    + s.text());
        }
        Set<String> wanted = new LinkedHashSet<>(declared);
        for (String n : named) {
            if (snap.counters().containsKey(n) || snap.results().containsKey(n)) {
                if (!declared.contains(n)) {
                    problems.add("the lesson names counter '" + n + "', which its focus does not list");
                }
                wanted.add(n);
            }
        }
        for (String n : wanted) {
            Object value = snap.counters().containsKey(n) ? snap.counters().get(n) : snap.results().get(n);
            if (value == null) {
                continue; // not there yet
            }
            String shown = value instanceof Number num ? Format.number(num) : String.valueOf(value);
            Pattern onARow = Pattern.compile("(?<![A-Za-z])" + Pattern.quote(n) + "\\s+" + Pattern.quote(shown)
                    + "(?![0-9,.])");
            if (s.rows().stream().anyMatch(r -> onARow.matcher(r).find())) {
                seen.add(n);
            } else {
                problems.add("at " + snap.tMs() + " ms '" + n + " " + shown + "' is not on screen:\n" + s.text());
            }
        }
    }
}
