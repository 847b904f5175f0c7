package dev.threadlab.scenario;

import dev.threadlab.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs for the lessons that need a second process: started with this JVM's own {@code java}
 * and class path (so it works under {@code java -jar} and in tests alike), stderr merged into
 * stdout, stdin a pipe the child watches to die with its parent.
 *
 * <p>The child side needs only this class: nothing here touches logging or the rest of ThreadLab.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java [jvmOptions] -cp CLASSPATH mainClass [args]}, with this JVM's java and an absolute class path. */
    public static ProcessBuilder builder(Class<?> mainClass, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(absoluteClassPath());
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return Secrets.withoutSecrets(new ProcessBuilder(cmd)).redirectErrorStream(true);
    }

    private static String absoluteClassPath() {
        List<String> parts = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                parts.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    /** A process's resident set ({@code VmRSS} in {@code /proc/PID/status}) in kB, or -1 where there is none. */
    public static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (NoSuchFileException e) {
            return -1; // not Linux, or the process is gone
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Destroys each live process, then forcibly those still alive after {@code grace}; returns any that survive even that. */
    static List<Process> end(List<Process> processes, java.time.Duration grace) {
        List<Process> alive = new ArrayList<>();
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroy();
                alive.add(p);
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        List<Process> left = new ArrayList<>();
        for (Process p : alive) {
            if (!waitFor(p, deadline - System.nanoTime())) {
                p.destroyForcibly();
                if (!waitFor(p, grace.toNanos())) {
                    left.add(p);
                }
            }
        }
        return left;
    }

    /** Waits for the process to end, through any interrupt (the caller is cleaning up after a stop). */
    private static boolean waitFor(Process p, long nanos) {
        long deadline = System.nanoTime() + Math.max(1, nanos);
        while (p.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                p.waitFor(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // a late interrupt from the stop: keep waiting
            }
        }
        return true;
    }

    // ---- the child's side

    /**
     * In a child: a daemon thread that halts this JVM once stdin ends, which is when the parent
     * closes it or dies. So a child never outlives ThreadLab, even one killed with SIGKILL.
     */
    public static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try {
                InputStream in = System.in;
                while (in.read() >= 0) {
                    // the parent sends nothing: wait for the end of the stream
                }
            } catch (IOException e) {
                // the pipe broke: the parent is gone all the same
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
