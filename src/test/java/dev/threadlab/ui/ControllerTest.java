package dev.threadlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.threadlab.probe.Cause;
import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.ui.ViewState.Focus;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys change the view state, or ask the session: checked without a terminal. */
class ControllerTest {
    private final ViewState view = new ViewState();
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final Session session = new Session(new Sampler(ManagementFactory.getThreadMXBean()),
            Duration.ofMillis(100), s -> { });
    private final Controller controller = new Controller(view, session, ScreenFixture.CATALOG, posted::add);
    private final List<ThreadSample> rows = new ArrayList<>();

    @AfterEach
    void close() {
        session.close();
    }

    private Controller.Context ctx() {
        Layout layout = Layout.of(80, 24, view, (f, width) -> 3);
        return new Controller.Context(rows, layout, 0);
    }

    private void press(char c) {
        controller.onKey(new KeyStroke(c, false, false), ctx());
    }

    private void press(KeyType t) {
        controller.onKey(new KeyStroke(t), ctx());
    }

    @Test
    void arrowsAndJkMoveTheSelectionWithinTheRows() {
        for (int i = 0; i < 5; i++) {
            rows.add(ScreenFixture.thread(100 + i, "t" + i, Thread.State.RUNNABLE, Cause.RUNNING));
        }
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
        controller.onKey(new KeyStroke('a', false, true), ctx());
        assertThat(view.filter).isEmpty();
        assertThat(view.allThreads).isTrue();
    }

    @Test
    void helpClosesOnAnyKeyAndQQuitsOnlyOutsideIt() {
        press('?');
        assertThat(view.overlay).isEqualTo(ViewState.Overlay.HELP);
        press('q');
        assertThat(view.overlay).isEqualTo(ViewState.Overlay.NONE);
        assertThat(controller.quitRequested()).isFalse();
        press('o');
        assertThat(view.sort).isEqualTo(ViewState.Sort.NAME);
        press('q');
        assertThat(controller.quitRequested()).isTrue();
    }

    @Test
    void ctrlCAndF10Quit() {
        controller.onKey(new KeyStroke('c', true, false), ctx());
        assertThat(controller.quitRequested()).isTrue();
        Controller other = new Controller(new ViewState(), session, ScreenFixture.CATALOG, posted::add);
        other.onKey(new KeyStroke(KeyType.F10), ctx());
        assertThat(other.quitRequested()).isTrue();
    }

    @Test
    void thePickerStartsTheChosenScenario() {
        press('p');
        assertThat(view.overlay).isEqualTo(ViewState.Overlay.PICKER);
        press(KeyType.ArrowDown);
        press(KeyType.Enter);
        assertThat(view.overlay).isEqualTo(ViewState.Overlay.NONE);
        await().atMost(Duration.ofSeconds(5)).until(() -> session.entry() != null);
        assertThat(session.entry().id()).isEqualTo(ScreenFixture.CATALOG.entries().get(1).id());
    }

    @Test
    void intervalKeysStepThroughTheFixedChoices() {
        press('+');
        assertThat(session.interval()).isEqualTo(Duration.ofMillis(100));
        press('-');
        press('-');
        assertThat(session.interval()).isEqualTo(Duration.ofMillis(500));
    }
}
