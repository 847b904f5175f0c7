package dev.threadlab.ui;

import static dev.threadlab.ui.ScreenFixture.snapshot;
import static dev.threadlab.ui.ScreenFixture.thread;
import static dev.threadlab.ui.ScreenFixture.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import dev.threadlab.probe.Cause;
import dev.threadlab.probe.OutputLine;
import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.ui.ViewState.Focus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Frames drawn into a virtual terminal and read back cell by cell, at 80x24 and 200x60. */
class RendererTest {
    private static final TextColor GREEN = new TextColor.Indexed(70);
    private static final TextColor RED = new TextColor.Indexed(196);

    /** Ten ticks of the race: main waits in join, both counters run, the counters climb. */
    private static void race(ScreenFixture s) {
        for (int i = 0; i < 10; i++) {
            Map<String, Number> counters = new LinkedHashMap<>();
            counters.put("expected", 2_000_000);
            counters.put("actual", 100_000L * i);
            counters.put("lost", 58_762L * i + 3);
            s.record(snapshot(250L * i, List.of(
                    waiting(1, "main", Thread.State.WAITING, Cause.WAITING, "thread 'counter-1'", -1, null),
                    thread(2, "counter-1", Thread.State.RUNNABLE, Cause.RUNNING),
                    thread(3, "counter-2", i < 9 ? Thread.State.RUNNABLE : Thread.State.BLOCKED,
                            i < 9 ? Cause.RUNNING : Cause.MONITOR)),
                    counters, List.of(), List.of(), List.of(new OutputLine(10, "counter-1", "started")),
                    "race-counter"));
        }
    }

    @Test
    void at80x24TheRaceShowsStatesTimelineAndCountersAtOnce() {
        ScreenFixture s = new ScreenFixture(80, 24);
        race(s);
        s.draw();
        assertThat(s.row(0)).contains("ThreadLab", "race-counter", "running");
        int[] name = s.find("counter-1 ");
        assertThat(name).isNotNull();
        String threadRow = s.row(name[1]);
        int state = threadRow.indexOf("RUNNABLE");
        assertThat(state).isPositive();
        assertThat(s.fg(new int[] {state, name[1]})).isEqualTo(GREEN);
        assertThat(threadRow).contains("50.0");
        // main's row names what it waits for
        assertThat(s.text()).contains("thread 'counter-1'");

        Layout layout = s.layout;
        assertThat(layout.mode()).isEqualTo(Layout.Mode.FULL);
        Rect timeline = layout.panes().get(Focus.TIMELINE);
        int stripRow = -1;
        for (int r = timeline.row() + 1; r < timeline.bottom() - 1; r++) {
            if (s.row(r).substring(timeline.col() + 1).startsWith("counter-2")) {
                stripRow = r;
            }
        }
        assertThat(stripRow).as("counter-2 has a strip").isPositive();
        int newest = timeline.right() - 2;
        assertThat(s.cell(newest, stripRow).getCharacterString()).isEqualTo("B");
        assertThat(s.bg(new int[] {newest, stripRow})).isEqualTo(RED);
        assertThat(s.cell(newest - 1, stripRow).getCharacterString()).isEqualTo("R");
        assertThat(s.bg(new int[] {newest - 1, stripRow})).isEqualTo(GREEN);
        assertThat(s.cell(newest - 10, stripRow).getCharacterString()).isEqualTo(" "); // before the first tick

        assertThat(layout.folded()).doesNotContain(Focus.COUNTERS);
        assertThat(s.text()).contains("528,861"); // lost, grouped
        assertThat(s.row(23)).contains("? help", "q quit");
        assertThat(s.row(21)).startsWith(" Lesson:");
    }

    @Test
    void at200x60EveryPaneWithSomethingToShowIsOpen() {
        ScreenFixture s = new ScreenFixture(200, 60);
        race(s);
        s.draw();
        // Panes with something to show are open; the race has no lock waits and no pools: those fold to a line.
        assertThat(s.layout.folded()).containsExactlyInAnyOrder(Focus.LOCKS, Focus.POOLS);
        assertThat(s.layout.panes().keySet()).containsExactlyInAnyOrder(Focus.values());
        assertThat(s.text()).contains("Counters", "Lock waits", "Pools", "Output", "Timeline", "Threads");
        assertThat(s.text()).contains("00:00.01 counter-1", "started");
        assertThat(s.row(0)).contains("every 250ms", "JDK " + Runtime.version().feature());
        // every column fits
        assertThat(s.text()).contains("NAME", "STATE", "CPU%", "BLK/t", "WAIT/t", "WAITS FOR", "HELD BY");
        // the legend names the letters
        assertThat(s.text()).contains("n new", "R run", "R I/O", "B blocked", "S sleep", ". end");
    }

    @Test
    void theTimelineShowsEachLifecycleStageInItsLetterAndColour() {
        ScreenFixture s = new ScreenFixture(100, 30);
        Object[][] life = {
            {Thread.State.NEW, Cause.NEW}, {Thread.State.RUNNABLE, Cause.RUNNING},
            {Thread.State.BLOCKED, Cause.MONITOR}, {Thread.State.WAITING, Cause.WAITING},
            {Thread.State.WAITING, Cause.PARKED}, {Thread.State.TIMED_WAITING, Cause.SLEEPING},
            {Thread.State.TIMED_WAITING, Cause.PARKED}, {Thread.State.TERMINATED, Cause.TERMINATED}};
        for (int i = 0; i < life.length; i++) {
            s.record(snapshot(i * 250L, List.of(thread(7, "hello", (Thread.State) life[i][0], (Cause) life[i][1])),
                    Map.of(), List.of(), List.of(), List.of(), "hello-thread"));
        }
        s.entryId = "hello-thread";
        s.draw();
        Rect timeline = s.layout.panes().get(Focus.TIMELINE);
        int row = timeline.row() + 1;
        String strip = s.row(row).substring(timeline.right() - 1 - life.length, timeline.right() - 1);
        assertThat(strip).isEqualTo("nRBWWST.");
        Theme t = s.theme;
        for (int i = 0; i < life.length; i++) {
            int col = timeline.right() - 1 - life.length + i;
            assertThat(s.bg(new int[] {col, row})).as("tick %d", i).isEqualTo(t.cell((Cause) life[i][1]).bg());
        }
    }

    @Test
    void aDeadlockIsToldAsItsCycle() {
        ScreenFixture s = new ScreenFixture(80, 24);
        s.view.unfolded = Focus.LOCKS;
        s.entryId = "race-counter";
        List<ThreadSample> threads = List.of(
                waiting(11, "worker-1", Thread.State.WAITING, Cause.PARKED, "ReentrantLock 'B'", 12, "worker-2"),
                waiting(12, "worker-2", Thread.State.WAITING, Cause.PARKED, "ReentrantLock 'A'", 11, "worker-1"));
        s.record(snapshot(3000, threads, Map.of(), List.of(11L, 12L), List.of(), List.of(), "race-counter"));
        s.draw();
        assertThat(s.text()).contains("worker-1 holds A, wants B", "worker-2 holds B, wants A");
        assertThat(s.row(0)).contains("DEADLOCK");
        assertThat(s.text()).contains("Lock waits DEADLOCK", "none can go on");
    }

    @Test
    void poolsShowTheirGaugesAndAQueueSparkline() {
        ScreenFixture s = new ScreenFixture(100, 30);
        s.entryId = "thread-pool";
        for (int i = 0; i < 6; i++) {
            s.record(snapshot(i * 250L, List.of(thread(1, "main", Thread.State.WAITING, Cause.PARKED)), Map.of(),
                    List.of(), List.of(new PoolSample("squares", 3, 3, 3, 5 - i, i, -1)), List.of(), "thread-pool"));
        }
        s.draw();
        assertThat(s.text()).contains("squares workers 3 active 3 max 3", "queued 0 done 5");
        assertThat(s.text()).contains("█");
    }

    @Test
    void resultsSitUnderTheCountersWithTheirNamesApart() {
        ScreenFixture s = new ScreenFixture(80, 24);
        s.entryId = "hello-thread";
        s.record(new dev.threadlab.probe.Snapshot(4000, List.of(thread(1, "main", Thread.State.TERMINATED,
                Cause.TERMINATED)), List.of(), Map.of(), Map.of("joined", true, "results", List.of(1, 4, 9)),
                List.of(), List.of(), new dev.threadlab.probe.RunState("hello-thread",
                        dev.threadlab.probe.RunState.Status.FINISHED, 4000, false, null, null), 10, 5));
        s.draw();
        assertThat(s.text()).contains("joined  true").contains("results [1, 4, 9]");
    }

    @Test
    void aTerminalTooSmallGetsOneCentredLine() {
        ScreenFixture s = new ScreenFixture(50, 12);
        race(s);
        s.draw();
        assertThat(s.layout.mode()).isEqualTo(Layout.Mode.TOO_SMALL);
        List<String> nonBlank = s.rows().stream().filter(r -> !r.isBlank()).toList();
        assertThat(nonBlank).hasSize(1);
        assertThat(nonBlank.get(0).strip()).isEqualTo("ThreadLab needs at least 60x16 (this is 50x12)");
        assertThat(s.row(6).indexOf('T')).isBetween(1, 3);
    }

    @Test
    void betweenSixtyAndEightyColumnsOnePaneShowsBelowTheThreadsTheLessonsFirst() {
        ScreenFixture s = new ScreenFixture(70, 20);
        race(s);
        s.draw();
        assertThat(s.layout.mode()).isEqualTo(Layout.Mode.REDUCED);
        assertThat(s.layout.panes().keySet()).containsExactlyInAnyOrder(Focus.THREADS, Focus.COUNTERS);
        assertThat(s.text()).contains("lost", "528,861");
        s.view.focus = Focus.TIMELINE;
        s.draw();
        assertThat(s.layout.panes().keySet()).containsExactlyInAnyOrder(Focus.THREADS, Focus.TIMELINE);
        s.view.focus = Focus.OUTPUT;
        s.draw();
        assertThat(s.layout.panes().keySet()).containsExactlyInAnyOrder(Focus.THREADS, Focus.OUTPUT);
        s.entryId = null; // another JVM: no lesson
        s.view.focus = Focus.THREADS;
        s.draw();
        assertThat(s.layout.panes().keySet()).containsExactlyInAnyOrder(Focus.THREADS, Focus.TIMELINE);
    }

    @Test
    void at80x24TheLessonsPanesStayOpenAndItsCountersStayWhenRowsAreShort() {
        ScreenFixture s = new ScreenFixture(80, 24);
        s.entryId = "thread-pool";
        List<OutputLine> lines = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            lines.add(new OutputLine(100L * i, "pool-worker-" + (i % 3 + 1), "square(" + i + ") = " + i * i));
        }
        Map<String, Number> counters = new LinkedHashMap<>();
        counters.put("submitted", 5);
        counters.put("completed", 2);
        s.record(snapshot(1000, List.of(
                waiting(1, "main", Thread.State.WAITING, Cause.PARKED, "Future of square(1)", -1, null),
                thread(2, "pool-worker-1", Thread.State.TIMED_WAITING, Cause.SLEEPING),
                thread(3, "pool-worker-2", Thread.State.TIMED_WAITING, Cause.SLEEPING),
                thread(4, "pool-worker-3", Thread.State.TIMED_WAITING, Cause.SLEEPING)), counters, List.of(),
                List.of(new PoolSample("squares", 3, 3, 3, 2, 0, -1)), lines, "thread-pool"));
        s.draw();
        assertThat(s.layout.folded()).doesNotContain(Focus.POOLS, Focus.OUTPUT);
        assertThat(s.text()).contains("queued 2", "square(5) = 25");

        s.entryId = "semaphore";
        List<ThreadSample> workers = new ArrayList<>();
        workers.add(waiting(1, "main", Thread.State.WAITING, Cause.WAITING, "thread 'worker-1'", -1, null));
        for (int i = 1; i <= 6; i++) {
            workers.add(i <= 2 ? thread(1 + i, "worker-" + i, Thread.State.TIMED_WAITING, Cause.SLEEPING)
                    : waiting(1 + i, "worker-" + i, Thread.State.WAITING, Cause.PARKED, "Semaphore 'permits'", -1,
                            null));
        }
        Map<String, Number> sem = new LinkedHashMap<>();
        for (String n : List.of("permits", "inside", "maxConcurrent", "waiting", "entries", "a", "b", "c", "d")) {
            sem.put(n, n.length());
        }
        s.record(snapshot(1250, workers, sem, List.of(), List.of(), List.of(), "semaphore"));
        s.draw();
        assertThat(s.text()).contains("worker-6"); // the whole list: the lesson is about who waits
        Rect counters9 = s.layout.panes().get(Focus.COUNTERS);
        assertThat(s.layout.listRows(Focus.COUNTERS)).isLessThan(sem.size());
        String side = String.join("\n", s.rows().subList(counters9.row(), counters9.bottom()));
        assertThat(side).contains("inside", "permits", "maxConcurrent");
    }

    @Test
    void asciiAndNoColourUseNeitherGlyphsNorColours() {
        ScreenFixture s = new ScreenFixture(100, 30, new Theme(Theme.Depth.NONE, Glyphs.ASCII));
        race(s);
        s.draw();
        for (String row : s.rows()) {
            assertThat(row.chars().allMatch(ch -> ch < 128)).as(row).isTrue();
        }
        List<TextColor> colours = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 100; c++) {
                colours.add(s.cell(c, r).getForegroundColor());
                colours.add(s.cell(c, r).getBackgroundColor());
            }
        }
        assertThat(colours).containsOnly(TextColor.ANSI.DEFAULT);
        assertThat(s.text()).contains("+ Threads", "RUNNABLE", "q quit");
    }

    @Test
    void theHelpListsEveryKeyAtEightyByTwentyFour() {
        ScreenFixture s = new ScreenFixture(80, 24);
        race(s);
        s.view.overlay = ViewState.Overlay.HELP;
        s.draw();
        for (Action a : Action.values()) {
            String words = a.help().length() > 20 ? a.help().substring(0, 20) : a.help();
            if (a.keys(false, false).isEmpty()) {
                assertThat(s.text()).as(a.name() + ": no key live, not listed").doesNotContain(words);
            } else {
                assertThat(s.text()).as(a.name()).contains(words);
            }
        }
        assertThat(s.text()).as("every key of quit, Ctrl-C too").contains("q F10 ^C");
        assertThat(s.text()).as("every key of help, h too").contains("? F1 h");
    }

    @Test
    void theHelpOfAReplayListsItsKeys() {
        ScreenFixture s = new ScreenFixture(80, 24);
        race(s);
        s.view.replay = new dev.threadlab.watch.Playback(3, 30, 750, 1, false, true, null, false);
        s.view.overlay = ViewState.Overlay.HELP;
        s.draw();
        for (Action a : List.of(Action.BACK, Action.FORWARD, Action.BACK_TEN, Action.FORWARD_TEN, Action.FIRST_TICK,
                Action.PLAY_FASTER)) {
            String words = a.help().length() > 20 ? a.help().substring(0, 20) : a.help();
            assertThat(s.text()).as(a.name()).contains(words);
        }
    }

    @Test
    void thePickerListsTheCatalogue() {
        ScreenFixture s = new ScreenFixture(80, 24);
        s.entryId = null;
        s.view.overlay = ViewState.Overlay.PICKER;
        s.view.pickerRow = 2;
        s.draw();
        assertThat(s.text()).contains("hello-thread", "race-counter", "thread-pool", "Enter runs one");
        int[] at = s.find("race-counter");
        assertThat(s.row(at[1])).contains(s.theme.glyphs().pointer());
    }

    @Test
    void theWholeLessonOpensWithL() {
        ScreenFixture s = new ScreenFixture(80, 24);
        race(s);
        s.draw();
        assertThat(s.row(22)).contains("(l: all)");
        s.view.overlay = ViewState.Overlay.LESSON;
        s.draw();
        String lesson = ScreenFixture.CATALOG.get("race-counter").lesson().replaceAll("\\s+", " ");
        String lastWords = lesson.substring(lesson.lastIndexOf(' ', lesson.length() - 12) + 1);
        assertThat(s.text().replaceAll("[│\\s]+", " ")).contains(lastWords);
    }

    @Test
    void waitsWithNoOwnerAreListedToo() {
        ScreenFixture s = new ScreenFixture(100, 30);
        s.entryId = "semaphore";
        s.record(snapshot(1000, List.of(
                thread(1, "worker-1", Thread.State.RUNNABLE, Cause.RUNNING),
                waiting(2, "worker-2", Thread.State.WAITING, Cause.PARKED, "Semaphore 'permits'", -1, null),
                waiting(3, "worker-3", Thread.State.WAITING, Cause.PARKED, "Semaphore 'permits'", -1, null)),
                Map.of(), List.of(), List.of(), List.of(), "semaphore"));
        s.draw();
        assertThat(s.text()).contains("Semaphore 'permits': 2 waiting", "worker-2 waiting", "worker-3 waiting");
    }

    @Test
    void outputOpensBeforeAnyPaneGetsBlankRows() {
        ScreenFixture s = new ScreenFixture(80, 24);
        s.entryId = "interleaving";
        List<OutputLine> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(new OutputLine(i * 100L, i % 2 == 0 ? "numbers" : "letters", "line " + i));
        }
        s.record(snapshot(1000, List.of(thread(1, "numbers", Thread.State.TIMED_WAITING, Cause.SLEEPING),
                thread(2, "letters", Thread.State.TIMED_WAITING, Cause.SLEEPING)), Map.of("printed", 10),
                List.of(), List.of(), lines, "interleaving"));
        s.draw();
        assertThat(s.layout.folded()).doesNotContain(Focus.OUTPUT);
        assertThat(s.text()).contains("line 9");
        Rect counters = s.layout.panes().get(Focus.COUNTERS);
        assertThat(counters.height()).as("counters get the rows they need").isLessThanOrEqualTo(3);
    }

    @Test
    void anOutputLineTooLongForThePaneWrapsWholeAt80x24And120x40() {
        for (int[] size : new int[][] {{80, 24}, {120, 40}}) {
            ScreenFixture s = new ScreenFixture(size[0], size[1]);
            s.entryId = "daemon-threads";
            String last = "jvm: no non-daemon thread left: exit; daemon-worker cut at 5/10";
            s.record(snapshot(3000, List.of(thread(1, "main", Thread.State.WAITING, Cause.WAITING),
                    thread(2, "child", Thread.State.RUNNABLE, Cause.RUNNING)), Map.of("daemonSteps", 5), List.of(),
                    List.of(), List.of(new OutputLine(2900, "child", "worker finished all 5 steps"),
                            new OutputLine(2950, "child", last)), "daemon-threads"));
            s.draw();
            Rect out = s.layout.panes().get(Focus.OUTPUT);
            StringBuilder text = new StringBuilder();
            for (int r = out.row() + 1; r < out.bottom() - 1; r++) {
                text.append(s.row(r), out.col() + 1, out.right() - 1).append(' ');
            }
            String words = text.toString().replaceAll("\\s+", " ");
            assertThat(words).as(size[0] + "x" + size[1]).contains(last).doesNotContain("…");
        }
    }

    @Test
    void whatTheRunFoundTakesTheFirstLessonRowWholeAt80x24AndIsNotRepeatedInCounters() {
        ScreenFixture s = new ScreenFixture(80, 24);
        s.entryId = "cpu-bound";
        String found = "2 threads got 0.7 cores: the machine is busy (others took 1.3)";
        Map<String, Number> counters = new LinkedHashMap<>();
        counters.put("cores", 2);
        counters.put("coresUsed", 0.74);
        s.record(new dev.threadlab.probe.Snapshot(9000, List.of(thread(1, "main", Thread.State.RUNNABLE,
                Cause.RUNNING)), List.of(), counters, Map.of("gil", false, "finding", found), List.of(), List.of(),
                new dev.threadlab.probe.RunState("cpu-bound", dev.threadlab.probe.RunState.Status.FINISHED, 9000,
                        false, null, null), 400, 6));
        s.draw();
        assertThat(s.row(21)).isEqualTo(" Found: " + found + " ".repeat(80 - 8 - found.length()));
        assertThat(s.row(22)).startsWith(" Lesson: One thread does the work");
        assertThat(s.text().replace(s.row(21), "")).doesNotContain("finding", "machine is busy");
    }
}
