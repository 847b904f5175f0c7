package dev.threadlab.ui.term;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A terminal with nobody at it (a recording in CI): the same bytes a real terminal would get, at a
 * size given up front, and no keys ever. It runs no stty, since there is no tty to run it on.
 */
public final class DetachedTerminal extends ANSITerminal {
    private final TerminalSize size;

    public DetachedTerminal(OutputStream out, int width, int height) {
        super(new NoInput(), out, StandardCharsets.UTF_8);
        this.size = new TerminalSize(width, height);
    }

    @Override
    protected TerminalSize findTerminalSize() {
        return size;
    }

    /** Input that never has anything to read (and is never at its end, which would read as a key). */
    private static final class NoInput extends InputStream {
        @Override
        public int available() {
            return 0;
        }

        @Override
        public synchronized int read() throws java.io.IOException {
            try {
                wait(); // never asked: the decoder reads only when something is available
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }
}
