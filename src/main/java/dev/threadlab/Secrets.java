package dev.threadlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where ThreadLab's secrets may and may not go: the JMX password comes from one environment variable or a
 * file only its owner can read, and never reaches a child process (stty, a scenario's child JVM).
 */
public final class Secrets {
    /** The variable the JMX password is read from. */
    public static final String PASSWORD_ENV = "THREADLAB_JMX_PASSWORD";

    private Secrets() {
    }

    /** The same builder, with the password variable taken out of what the child inherits. */
    public static ProcessBuilder withoutSecrets(ProcessBuilder pb) {
        pb.environment().remove(PASSWORD_ENV);
        return pb;
    }

    /**
     * Refuses a password file that others can read, as the JDK's own agent refuses its password file.
     *
     * @throws UserError naming the file, its mode and the fix
     */
    public static void checkOwnerOnly(Path file) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return; // not a POSIX file system: nothing to check
        } catch (IOException e) {
            throw new UserError("cannot read the password file " + file + ": " + e.getMessage());
        }
        if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)
                || mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new UserError("the password file " + file + " can be read by others ("
                    + PosixFilePermissions.toString(mode) + "): chmod 600 " + file);
        }
    }
}
