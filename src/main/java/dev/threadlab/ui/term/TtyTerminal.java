package dev.threadlab.ui.term;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The user's terminal, opened at {@code /dev/tty} so that stdin and stdout may be redirected.
 *
 * <p>Lanterna's own UnixTerminal restores the tty from a shutdown hook of its own, which runs at the
 * same time as ours: a frame still being drawn can land after the restore. This one has no hook:
 * whoever owns it calls {@link #restore()} once drawing has stopped. Output is buffered and sent
 * once per frame (Lanterna flushes at the end of each refresh), and the size comes from
 * {@code stty size} rather than a cursor-position query that stalls when input is elsewhere.
 */
public final class TtyTerminal extends ANSITerminal {
    private static final String[] RAW = {"-icanon", "-echo", "min", "1", "intr", "undef"};

    private final String savedSettings;
    private final AtomicBoolean restored = new AtomicBoolean();
    private volatile Runnable onSuspend = () -> { };
    private volatile java.util.concurrent.CountDownLatch continued;

    private TtyTerminal(InputStream in, OutputStream out, Charset charset, String savedSettings) {
        super(in, out, charset);
        this.savedSettings = savedSettings;
    }

    /**
     * Takes the terminal: keys arrive one at a time, unechoed, Ctrl-C as a key.
     *
     * @throws IOException when there is no terminal to take
     */
    public static TtyTerminal open(Charset charset, UnaryOperator<OutputStream> wrapOutput) throws IOException {
        if (!available()) {
            throw new IOException("no terminal");
        }
        FileInputStream in = new FileInputStream(Tty.DEVICE);
        OutputStream out = wrapOutput.apply(new BufferedOutputStream(new FileOutputStream(Tty.DEVICE), 1 << 16));
        String saved = Tty.stty("-g");
        Tty.stty(RAW);
        TtyTerminal t = new TtyTerminal(in, out, charset, saved);
        t.onSizeSignal();
        t.watchResize();
        t.watchSuspend();
        return t;
    }

    /** SIGWINCH: the window changed size. */
    private void watchResize() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), signal -> onSizeSignal());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // No signals here: the size is still read at start; a resize shows after a restart.
        }
    }

    /**
     * Ctrl-Z (SIGTSTP) as a request: whoever draws is told ({@link #onSuspend}) and calls {@link #suspend}
     * between frames, which gives the terminal back, stops this process, and takes the terminal again when
     * it is continued ({@code fg}, SIGCONT).
     */
    private void watchSuspend() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TSTP"), signal -> onSuspend.run());
            sun.misc.Signal.handle(new sun.misc.Signal("CONT"), signal -> {
                java.util.concurrent.CountDownLatch c = continued;
                if (c != null) {
                    c.countDown();
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // No signals here: Ctrl-Z keeps its default (the terminal is left as it is until fg and ^L).
        }
    }

    /** Who to tell when the user asks to suspend (Ctrl-Z); they call {@link #suspend} on their own thread. */
    public void onSuspend(Runnable action) {
        onSuspend = action;
    }

    /**
     * Gives the terminal back as it was, stops this process as Ctrl-Z would, and once continued takes the
     * terminal again (the caller then repaints every cell). Called by the thread that draws, between frames.
     */
    public void suspend() {
        java.util.concurrent.CountDownLatch c = new java.util.concurrent.CountDownLatch(1);
        continued = c;
        try {
            try {
                exitPrivateMode();
            } catch (IllegalStateException notInPrivateMode) {
                setCursorVisible(true);
            }
            flush();
            Tty.stty(savedSettings);
            new ProcessBuilder("kill", "-STOP", Long.toString(ProcessHandle.current().pid())).start().waitFor();
            c.await(); // the shell's fg continues us
            Tty.stty(RAW);
            enterPrivateMode();
            setCursorVisible(false);
            flush();
        } catch (IOException | RuntimeException e) {
            // The terminal went away while we were stopped: the next frame finds out.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            continued = null;
        }
    }

    /** True if this process has a controlling terminal it can open. */
    public static boolean available() {
        if (!Tty.DEVICE.exists()) {
            return false;
        }
        try (FileInputStream probe = new FileInputStream(Tty.DEVICE)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The controlling terminal's size now, or null when there is none. */
    public static TerminalSize currentSize() {
        int[] rc = Tty.size();
        return rc == null ? null : new TerminalSize(rc[1], rc[0]);
    }

    @Override
    protected TerminalSize findTerminalSize() {
        int[] rc = Tty.size();
        return rc == null ? new TerminalSize(80, 24) : new TerminalSize(rc[1], rc[0]);
    }

    /** Re-reads the size; called on SIGWINCH. The screen notices at its next resize check. */
    public void onSizeSignal() {
        try {
            getTerminalSize();
        } catch (IOException e) {
            // The terminal is going away; the loop will find out when it next draws.
        }
    }

    /** Puts the terminal back as it was: normal screen, cursor shown, line settings restored. Once. */
    public void restore() {
        if (!restored.compareAndSet(false, true)) {
            return;
        }
        try {
            try {
                exitPrivateMode(); // also resets colours and shows the cursor
            } catch (IllegalStateException notInPrivateMode) {
                setCursorVisible(true);
            }
            flush();
        } catch (IOException | RuntimeException e) {
            // Not in private mode, or the terminal is gone (a dropped SSH link): nothing to write to.
        }
        try {
            Tty.stty(savedSettings);
        } catch (IOException e) {
            // The tty is gone; its settings went with it.
        }
    }
}
