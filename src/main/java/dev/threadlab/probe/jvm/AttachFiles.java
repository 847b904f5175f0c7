package dev.threadlab.probe.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code .attach_pid} files the Attach API may create for a target (in its working directory, or
 * its {@code /tmp}), noted before an attach so that the ones it made can be removed if it gives up:
 * the API deletes its file only when its own wait ends, and a target that never answers outlives
 * our deadline.
 */
final class AttachFiles {
    private final List<Path> madeByUs = new ArrayList<>();

    private AttachFiles(List<Path> candidates) {
        for (Path p : candidates) {
            if (!Files.exists(p)) {
                madeByUs.add(p);
            }
        }
    }

    /** Notes which of {@code pid}'s attach files do not exist yet. */
    static AttachFiles before(long pid) {
        String name = ".attach_pid" + namespacePid(pid);
        String proc = "/proc/" + pid;
        return new AttachFiles(List.of(Path.of(proc, "cwd", name), Path.of(proc, "root", "tmp", name),
                Path.of(System.getProperty("java.io.tmpdir"), name)));
    }

    /** Removes the attach files that appeared since {@link #before}; what it could not remove, by path. */
    List<Path> removeNew() {
        List<Path> left = new ArrayList<>();
        for (Path p : madeByUs) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | RuntimeException e) {
                left.add(p);
            }
        }
        return left;
    }

    /** The pid the target sees itself as (inside a container it differs), as the Attach API names its files. */
    private static long namespacePid(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("NSpid:")) {
                    String[] ids = line.substring(6).strip().split("\\s+");
                    return Long.parseLong(ids[ids.length - 1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc, or the process is gone: its own pid is the best guess
        }
        return pid;
    }
}
