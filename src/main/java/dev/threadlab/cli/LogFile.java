package dev.threadlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the log goes. Set as the {@code threadlab.log} system property before Logback starts (the
 * packaged logback.xml reads it), so messages can tell the user where to look.
 */
public final class LogFile {
    public static final String PROPERTY = "threadlab.log";

    private LogFile() {
    }

    /** Chooses the file (THREADLAB_LOG, else ~/.threadlab/threadlab.log, else the temp dir) and makes its folder. */
    public static Path init() {
        String given = System.getProperty(PROPERTY);
        if (given == null) {
            given = System.getenv("THREADLAB_LOG");
        }
        Path file = given != null ? Path.of(given) : Path.of(System.getProperty("user.home"), ".threadlab", "threadlab.log");
        if (!prepare(file)) {
            file = Path.of(System.getProperty("java.io.tmpdir"), "threadlab-" + System.getProperty("user.name") + ".log");
            prepare(file);
        }
        System.setProperty(PROPERTY, file.toString());
        return file;
    }

    public static Path current() {
        String p = System.getProperty(PROPERTY);
        return p == null ? Path.of("threadlab.log") : Path.of(p);
    }

    private static boolean prepare(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            return dir == null || Files.isWritable(dir);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
