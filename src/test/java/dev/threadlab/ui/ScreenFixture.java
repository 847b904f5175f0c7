package dev.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.threadlab.config.CatalogLoader;
import dev.threadlab.history.History;
import dev.threadlab.probe.Cause;
import dev.threadlab.probe.OutputLine;
import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.scenario.ScenarioCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders frames into Lanterna's virtual terminal and reads the cells back. */
final class ScreenFixture {
    static final ScenarioCatalog CATALOG = CatalogLoader.loadDefault();

    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final Theme theme;
    final ViewState view = new ViewState(true, Duration.ofMillis(250));
    final History history = view.history();
    final Renderer renderer = new Renderer();
    String entryId = "race-counter";
    Layout layout;

    ScreenFixture(int width, int height, Theme theme) {
        this.terminal = new DefaultVirtualTerminal(new TerminalSize(width, height));
        this.theme = theme;
        try {
            this.screen = new TerminalScreen(terminal);
            screen.startScreen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ScreenFixture(int width, int height) {
        this(width, height, new Theme(Theme.Depth.INDEXED256, Glyphs.UNICODE));
    }

    static ThreadSample thread(long id, String name, Thread.State state, Cause cause) {
        return new ThreadSample(id, name, state, cause, false, true, null, -1, null, 0, 0, 0, 0, 0, 0, 1_000_000, 50.0);
    }

    static ThreadSample waiting(long id, String name, Thread.State state, Cause cause, String lock, long ownerId,
            String owner) {
        return new ThreadSample(id, name, state, cause, false, true, lock, ownerId, owner, 7, 300, 2, 10, 1, 0, 0, 0.0);
    }

    static Snapshot snapshot(long tMs, List<ThreadSample> threads, Map<String, Number> counters, List<Long> dead,
            List<PoolSample> pools, List<OutputLine> output, String id) {
        return new Snapshot(tMs, threads, dead, counters, Map.of(), pools, output,
                new RunState(id, RunState.Status.RUNNING, tMs, false, null, null), 400, threads.size() + 5);
    }

    void record(Snapshot s) {
        history.record(s);
    }

    /** Draws the latest snapshot and sends it to the virtual terminal. */
    void draw() {
        Snapshot s = history.latest();
        Frame f = new Frame(s, history, view, ThreadRows.of(s, view), entryId == null ? null : CATALOG.get(entryId),
                CATALOG, Duration.ofMillis(250), false, 0);
        TerminalSize size = screen.getTerminalSize();
        layout = renderer.layout(size.getColumns(), size.getRows(), f);
        renderer.draw(f, layout, new Canvas(screen.newTextGraphics(), theme));
        try {
            screen.refresh(com.googlecode.lanterna.screen.Screen.RefreshType.DELTA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TextCharacter cell(int col, int row) {
        return terminal.getCharacter(col, row);
    }

    String row(int row) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < terminal.getTerminalSize().getColumns(); c++) {
            sb.append(cell(c, row).getCharacterString());
        }
        return sb.toString();
    }

    List<String> rows() {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
            out.add(row(r));
        }
        return out;
    }

    String text() {
        return String.join("\n", rows());
    }

    /** Where {@code s} first appears: {col, row}, or null. */
    int[] find(String s) {
        List<String> rows = rows();
        for (int r = 0; r < rows.size(); r++) {
            int c = rows.get(r).indexOf(s);
            if (c >= 0) {
                return new int[] {c, r};
            }
        }
        return null;
    }

    TextColor fg(int[] at) {
        return cell(at[0], at[1]).getForegroundColor();
    }

    TextColor bg(int[] at) {
        return cell(at[0], at[1]).getBackgroundColor();
    }
}
