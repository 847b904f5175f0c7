package dev.threadlab.replay;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A recording's lines, read from any point where a line begins: plain JSON lines, or gzip of them. A
 * gzip file is read member by member, and each line's place is given as the member it is in (its
 * offset in the file) and how far into that member's text it starts, so a reader can come back to it
 * later without inflating what comes before that member. A last line cut short (a crash) is not
 * handed out: {@link #truncated} says so.
 */
final class RecordStream implements Closeable {

    /** Where a line starts: the gzip member (or 0 for a plain file), and the bytes of text before it there. */
    record Place(long member, long skip) {
    }

    private static final int GZIP_MAGIC = 0x8b1f;

    private final FileChannel file;
    private final boolean gzip;
    private final ByteBuffer raw = ByteBuffer.allocate(1 << 16);
    private long rawStart; // file offset of raw's first byte
    private final Inflater inflater = new Inflater(true);
    private long member; // file offset of the current member (gzip), or 0
    private long text; // text bytes handed out from this member (or the file) so far
    private byte[] buf = new byte[1 << 16];
    private int bufStart;
    private int bufEnd;
    private boolean eof;
    private boolean truncated;
    private Place lineStart;

    private RecordStream(FileChannel file, boolean gzip) {
        this.file = file;
        this.gzip = gzip;
    }

    /** True if the file starts as gzip does. */
    static boolean isGzip(Path path) throws IOException {
        try (FileChannel c = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(2);
            while (b.hasRemaining() && c.read(b) >= 0) {
                // read both bytes
            }
            return b.position() == 2 && ((b.get(0) & 0xff) | (b.get(1) & 0xff) << 8) == GZIP_MAGIC;
        }
    }

    /** Opens {@code path} at {@code at} (a {@link Place} handed out earlier, or the start). */
    static RecordStream open(Path path, boolean gzip, Place at) throws IOException {
        FileChannel c = FileChannel.open(path, StandardOpenOption.READ);
        RecordStream s = new RecordStream(c, gzip);
        try {
            s.seek(at);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return s;
    }

    static Place start() {
        return new Place(0, 0);
    }

    private void seek(Place at) throws IOException {
        if (gzip) {
            rawStart = at.member();
            file.position(at.member());
            raw.clear().flip();
            startMember();
            skip(at.skip());
        } else {
            file.position(at.member() + at.skip());
            text = at.member() + at.skip();
            member = 0;
        }
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            if (bufStart == bufEnd && !fill()) {
                throw new EOFException("the recording is shorter than its index says");
            }
            int take = (int) Math.min(n, bufEnd - bufStart);
            bufStart += take;
            text += take;
            n -= take;
        }
    }

    /** Where the line last returned by {@link #readLine} started. */
    Place lineStart() {
        return lineStart;
    }

    /** The last line had no end: the file was cut in the middle of it. */
    boolean truncated() {
        return truncated;
    }

    /** The next whole line, without its newline; null at the end (or where the file was cut). */
    String readLine() throws IOException {
        if (bufStart == bufEnd && !fill()) {
            return null;
        }
        lineStart = new Place(gzip ? member : 0, text);
        int scanned = bufStart;
        while (true) {
            for (int i = scanned; i < bufEnd; i++) {
                if (buf[i] == '\n') {
                    String line = new String(buf, bufStart, i - bufStart, StandardCharsets.UTF_8);
                    text += i + 1 - bufStart;
                    bufStart = i + 1;
                    return line;
                }
            }
            int unread = bufEnd - bufStart;
            if (!fill()) {
                if (bufEnd > bufStart) {
                    truncated = true; // a last line with no end
                    bufStart = bufEnd;
                }
                return null;
            }
            scanned = bufStart + unread;
        }
    }

    /** More text into buf (keeping what is unread); false at the end. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (bufStart > 0) {
            System.arraycopy(buf, bufStart, buf, 0, bufEnd - bufStart);
            bufEnd -= bufStart;
            bufStart = 0;
        }
        if (bufEnd == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
        int n;
        if (!gzip) {
            n = file.read(ByteBuffer.wrap(buf, bufEnd, buf.length - bufEnd));
        } else {
            while ((n = inflate(buf, bufEnd, buf.length - bufEnd)) == MEMBER_END) {
                skipRaw(8); // the member's trailer: CRC and size
                if (!startMember()) {
                    n = -1;
                    break;
                }
                // What is unread belongs to a line that began in the member before: the next line's
                // place in this member counts from after it.
                text = -(bufEnd - bufStart);
            }
        }
        if (n <= 0) {
            eof = true;
            return false;
        }
        bufEnd += n;
        return true;
    }

    // ---- gzip, member by member

    private static final int MEMBER_END = -2;

    /** Text of the current member into {@code out}: its length, {@link #MEMBER_END}, or -1 where the file was cut. */
    private int inflate(byte[] out, int off, int len) throws IOException {
        while (true) {
            if (inflater.finished()) {
                raw.position(raw.position() - inflater.getRemaining());
                inflater.setInput(new byte[0]);
                return MEMBER_END;
            }
            if (inflater.needsInput()) {
                if (!rawAvailable()) {
                    truncated = true; // cut in the middle of a member
                    return -1;
                }
                inflater.setInput(raw.array(), raw.position(), raw.remaining());
                raw.position(raw.limit());
            }
            try {
                int n = inflater.inflate(out, off, len);
                if (n > 0) {
                    return n;
                }
            } catch (DataFormatException e) {
                throw new IOException("not gzip data: " + e.getMessage(), e);
            }
        }
    }

    /** Reads the header of the member starting here; false at the end of the file. */
    private boolean startMember() throws IOException {
        if (!rawAvailable()) {
            return false;
        }
        long start = rawStart + raw.position();
        int magic = u8() | u8() << 8;
        if (magic != GZIP_MAGIC || u8() != 8) {
            throw new IOException("not gzip data at offset " + start);
        }
        int flags = u8();
        skipRaw(6); // mtime, extra flags, OS
        if ((flags & 4) != 0) {
            skipRaw(u8() | u8() << 8);
        }
        if ((flags & 8) != 0) {
            while (u8() != 0) {
                // file name
            }
        }
        if ((flags & 16) != 0) {
            while (u8() != 0) {
                // comment
            }
        }
        if ((flags & 2) != 0) {
            skipRaw(2);
        }
        inflater.reset();
        member = start;
        text = 0;
        return true;
    }

    private boolean rawAvailable() throws IOException {
        if (raw.hasRemaining()) {
            return true;
        }
        rawStart += raw.limit();
        raw.clear();
        int n = file.read(raw);
        raw.flip();
        return n > 0;
    }

    private int u8() throws IOException {
        if (!rawAvailable()) {
            throw new EOFException("cut in a gzip header");
        }
        return raw.get() & 0xff;
    }

    private void skipRaw(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            u8();
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        file.close();
    }
}
