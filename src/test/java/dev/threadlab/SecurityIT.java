package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing exposed: the JMX password stays out of children and logs, logs are private, no socket listens. */
class SecurityIT {
    private static final String SECRET = "s3cret-" + System.nanoTime();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void kill() {
        for (Process p : started) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private Process threadlab(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Tmux.JAVA, "-jar", Tmux.JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("THREADLAB_LOG", dir.resolve("logs/threadlab.log").toString());
        pb.environment().put("THREADLAB_JMX_PASSWORD", SECRET);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void aChildJvmInheritsNoPasswordAndTheLogIsTheOwnersAlone() throws Exception {
        Process p = threadlab("run", "daemon-threads", "--headless");
        // daemon-threads starts a child JVM: find it while it runs, and read what it inherited.
        Optional<ProcessHandle> child = await().atMost(Duration.ofSeconds(30))
                .until(() -> p.toHandle().descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
                        .findFirst(), Optional::isPresent);
        long pid = child.get().pid();
        String environ = read(Path.of("/proc/" + pid + "/environ"));
        String cmdline = read(Path.of("/proc/" + pid + "/cmdline"));
        assertThat(environ).as("the child's environment").isNotEmpty().doesNotContain(SECRET)
                .doesNotContain("THREADLAB_JMX_PASSWORD");
        assertThat(cmdline).doesNotContain(SECRET);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path log = dir.resolve("logs/threadlab.log");
        assertThat(log).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(read(log)).doesNotContain(SECRET);
    }

    @Test
    void aRunListensOnNoPort() throws Exception {
        Process p = threadlab("run", "thread-pool", "--headless", "--set", "tasks=1000", "--set", "taskTime=100ms");
        await().atMost(Duration.ofSeconds(30)).until(() -> read(dir.resolve("out")).contains("\"squares\""));
        assertThat(listening(p.pid())).as("listening sockets of pid " + p.pid()).isEmpty();
        p.destroy();
    }

    /** The TCP ports {@code pid} listens on, from /proc: its socket inodes held against /proc/net/tcp*. */
    static List<String> listening(long pid) throws IOException {
        List<String> inodes = new ArrayList<>();
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                // st 0A is LISTEN; the inode is the tenth field
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    out.add(f[1]);
                }
            }
        }
        return out;
    }
}
