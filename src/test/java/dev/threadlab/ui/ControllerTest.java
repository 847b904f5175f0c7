package dev.threadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.threadlab.probe.Cause;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.ui.ViewState.Focus;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.Event;
import dev.threadlab.watch.RunInfo;
import dev.threadlab.watch.ScenarioSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys change the view state, or ask the engine: checked without a terminal. */
class ControllerTest {
    private final ViewState view = new ViewState(true, Duration.ofMillis(250));
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RunInfo> began = new AtomicReference<>();
    private final Engine engine = new Engine(new ScenarioSource("controller-test"),
            new Engine.Settings(Duration.ofMillis(100), null, null, false)).add(e -> {
                if (e instanceof Event.Began b) {
                    began.set(b.run());
                }
            });
    private final Controller controller = new Controller(view, engine, ScreenFixture.CATALOG, new Renderer(),
            posted::add);

    @AfterEach
    void close() {
        engine.close();
    }

    private void rows(int n) {
        List<ThreadSample> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(ScreenFixture.thread(100 + i, "t" + i, Thread.State.RUNNABLE, Cause.RUNNING));
        }
        view.history().record(ScreenFixture.snapshot(0, threads, java.util.Map.of(), List.of(), List.of(), List.of(),
                "race-counter"));
    }

    private void press(char c) {
        controller.onKey(new KeyStroke(c, false, false), 0);
    }

    private void press(KeyType t) {
        controller.onKey(new KeyStroke(t), 0);
    }

    @Test
    void arrowsAndJkMoveTheSelectionWithinTheRows() {
        rows(5);
        controller.followSelection(0);
        press(KeyType.ArrowDown); // from the first row, selected before any key
        assertThat(view.selectedId).isEqualTo(101);
        press('j');
        assertThat(view.selectedId).isEqualTo(102);
        press('k');
        assertThat(view.selectedId).isEqualTo(101);
        press(KeyType.End);
        assertThat(view.selectedId).isEqualTo(104);
        press(KeyType.ArrowDown);
        assertThat(view.selectedId).as("stays on the last row").isEqualTo(104);
        press('g');
        assertThat(view.selectedId).isEqualTo(100);
    }

    @Test
    void tabMovesFocusAndUnfoldsTheSidePaneItReaches() {
        assertThat(view.focus).isEqualTo(Focus.THREADS);
        press(KeyType.Tab);
        assertThat(view.focus).isEqualTo(Focus.TIMELINE);
        press(KeyType.Tab);
        press(KeyType.Tab);
        assertThat(view.focus).isEqualTo(Focus.LOCKS);
        assertThat(view.unfolded).isEqualTo(Focus.LOCKS);
        press(KeyType.ReverseTab);
        assertThat(view.focus).isEqualTo(Focus.COUNTERS);
    }

    @Test
    void slashEditsAFilterThatEnterAppliesAndEscClears() {
        press('/');
        assertThat(view.editingFilter).isTrue();
        press('w');
        press('o');
        press(KeyType.Backspace);
        press('k');
        press(KeyType.Enter);
        assertThat(view.filter).isEqualTo("wk");
        assertThat(view.editingFilter).isFalse();
        press(KeyType.Escape);
        assertThat(view.filter).isEmpty();
    }

    @Test
    void escThenAKeyArrivingAsAltKeyDoesBoth() {
        view.filter = "x";
        controller.onKey(new KeyStroke('a', false, true), 0);
        assertThat(view.filter).isEmpty();
        assertThat(view.allThreads).isTrue();
    }

    @Test
    void helpClosesOnAnyKeyAndQQuitsOnlyOutsideIt() {
        press('?');
        assertThat(view.overlay).isEqualTo(ViewState.Overlay.HELP);
        press('q');
        assertThat(view.overlay).isEqualTo(ViewState.Overlay.NONE);
        assertThat(view.quit).isFalse();
        press('o');
        assertThat(view.sort).isEqualTo(ViewState.Sort.NAME);
        press('q');
        assertThat(view.quit).isTrue();
    }

    @Test
    void ctrlCAndF10Quit() {
        controller.onKey(new KeyStroke('c', true, false), 0);
        assertThat(view.quit).isTrue();
        ViewState other = new ViewState(true, Duration.ofMillis(250));
        new Controller(other, engine, ScreenFixture.CATALOG, new Renderer(), posted::add)
                .onKey(new KeyStroke(KeyType.F10), 0);
        assertThat(other.quit).isTrue();
    }

    @Test
    void thePickerStartsTheChosenScenario() {
        engine.start();
        press('p');
        assertThat(view.overlay).isEqualTo(ViewState.Overlay.PICKER);
        press(KeyType.ArrowDown);
        press(KeyType.Enter);
        assertThat(view.overlay).isEqualTo(ViewState.Overlay.NONE);
        assertThat(view.pendingRuns).as("what is on screen is not the run asked for yet").isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> began.get() != null);
        assertThat(began.get().entry().id()).isEqualTo(ScreenFixture.CATALOG.entries().get(1).id());
    }

    @Test
    void intervalKeysStepThroughTheFixedChoices() {
        press('+');
        assertThat(view.interval).isEqualTo(Duration.ofMillis(100));
        assertThat(engine.interval()).isEqualTo(Duration.ofMillis(100));
        press('-');
        press('-');
        assertThat(view.interval).isEqualTo(Duration.ofMillis(500));
        assertThat(engine.interval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void replayKeysSayWhyTheyDoNothingLive() {
        view.replay = new dev.threadlab.watch.Playback(1, 10, 0, 1, true, true, null, false);
        press('s');
        assertThat(view.flash(0)).contains("live runs only");
        press('+');
        assertThat(view.interval).as("the interval is the recording's").isEqualTo(Duration.ofMillis(250));
    }
}
