package dev.threadlab.ui.term;

import dev.threadlab.report.CastWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The terminal's output, also kept in a recording: bytes collect until a flush (the end of a frame),
 * then go to the terminal, if there is one, and into the cast as one event.
 */
public final class RecordingOutput extends OutputStream {
    private final OutputStream terminal;
    private final CastWriter cast;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(1 << 14);

    /**
     * @param terminal where the bytes go as well, or null when nothing is attached
     */
    public RecordingOutput(OutputStream terminal, CastWriter cast) {
        this.terminal = terminal;
        this.cast = cast;
    }

    @Override
    public synchronized void write(int b) {
        frame.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        frame.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
        if (frame.size() == 0) {
            return;
        }
        if (terminal != null) {
            frame.writeTo(terminal);
            terminal.flush();
        }
        cast.output(frame.toString(StandardCharsets.UTF_8));
        frame.reset();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        if (terminal != null) {
            terminal.close();
        }
    }
}
