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

    /** Its folder made, and the file itself readable by its owner alone: a log may name hosts and users. */
    private static boolean prepare(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (dir != null && !Files.isWritable(dir)) {
                return false;
            }
            ownerOnly(file);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> mode =
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
            if (!Files.exists(file)) {
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(mode));
            } else if (Files.isRegularFile(file) && Files.isWritable(file)
                    && !Files.getPosixFilePermissions(file).equals(mode)) {
                Files.setPosixFilePermissions(file, mode);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
