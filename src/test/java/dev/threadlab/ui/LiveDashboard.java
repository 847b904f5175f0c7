package dev.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.ScenarioSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** A real dashboard over a real scenario engine, drawing into Lanterna's virtual terminal on a thread of its own. */
final class LiveDashboard implements AutoCloseable {
    final Screen screen;
    final Engine engine;
    final Dashboard dashboard;
    private final Thread loop;
    private boolean closed;

    /** Starts the engine (sampling every 50 ms) and the screen's loop on {@code first}. */
    LiveDashboard(String name, ScenarioEntry first) throws IOException {
        screen = Dashboard.startScreen(new DefaultVirtualTerminal(new TerminalSize(100, 30)));
        engine = new Engine(new ScenarioSource(name), new Engine.Settings(Duration.ofMillis(50), null, null, false));
        dashboard = new Dashboard(screen, new Theme(Theme.Depth.INDEXED256, Glyphs.UNICODE), ScreenFixture.CATALOG,
                engine, true, false);
        engine.add(dashboard);
        engine.start();
        loop = new Thread(() -> {
            try {
                dashboard.run(first);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name + "-screen");
        loop.start();
    }

    /** Whether the screen's loop still runs (it ends when the user, or a script, quits). */
    boolean running() {
        return loop.isAlive();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        dashboard.requestQuit();
        loop.join(10_000);
        engine.close();
        screen.stopScreen();
    }
}
