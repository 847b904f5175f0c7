package dev.threadlab.report;

import dev.threadlab.UserError;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * The file {@code --save} writes: plain JSON lines, or gzip when the name ends in {@code .gz}. A gzip
 * recording is a series of gzip members, a new one at each keyframe, so that a reader can start at any
 * keyframe without inflating what comes before (any gzip tool still reads it as one stream); each tick
 * is sync-flushed, so a recording cut by a crash plays up to its last whole tick.
 */
public final class RecordingFile extends OutputStream {
    private final Path path;
    private final OutputStream file;
    private final boolean gzip;
    private GZIPOutputStream member;

    private RecordingFile(Path path, OutputStream file, boolean gzip) {
        this.path = path;
        this.file = file;
        this.gzip = gzip;
    }

    /** Creates (or replaces) the recording; a directory that is not there is the user's to fix, now. */
    public static RecordingFile create(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserError("--save " + path + ": no such directory " + dir);
        }
        if (Files.isDirectory(path)) {
            throw new UserError("--save " + path + ": is a directory");
        }
        try {
            return new RecordingFile(path, new BufferedOutputStream(new FileOutputStream(path.toFile()), 1 << 16),
                    path.getFileName().toString().endsWith(".gz"));
        } catch (IOException e) {
            throw new UserError("--save " + path + ": cannot write it (" + e.getMessage() + ")");
        }
    }

    public Path path() {
        return path;
    }

    /** Ends the gzip member being written and starts the next: called before each keyframe. */
    public void startMember() {
        if (!gzip) {
            return;
        }
        try {
            if (member != null) {
                member.finish();
            }
            member = new GZIPOutputStream(file, 1 << 14, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OutputStream target() throws IOException {
        if (!gzip) {
            return file;
        }
        if (member == null) {
            member = new GZIPOutputStream(file, 1 << 14, true);
        }
        return member;
    }

    @Override
    public void write(int b) throws IOException {
        target().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (member != null) {
            member.flush();
        }
        file.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            if (member != null) {
                member.finish();
            }
        } finally {
            file.close();
        }
    }
}
