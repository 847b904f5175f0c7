package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard over a real SSH session (an sshd of the test's own on a loopback port, in tmux), in a
 * UTF-8 and in a C locale; the SSH client killed, as a dropped connection would: ThreadLab goes with it.
 */
class SshIT {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static Path keys;
    private static Process sshd;
    private static int port;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSshd(@TempDir Path tmp) throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        assumeTrue(Files.isExecutable(SSHD), "no " + SSHD + " (.ci/run installs openssh-server)");
        assumeTrue(run("ssh", "-V") == 0, "no ssh client (.ci/run installs openssh-server)");
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep) && "root".equals(System.getProperty("user.name"))) {
            Files.createDirectories(privsep); // what the package's service makes at boot
        }
        keys = tmp;
        assertThat(run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", tmp.resolve("host").toString())).isZero();
        assertThat(run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", tmp.resolve("client").toString())).isZero();
        Files.copy(tmp.resolve("client.pub"), tmp.resolve("authorized_keys"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(tmp.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + tmp.resolve("host"),
                "AuthorizedKeysFile " + tmp.resolve("authorized_keys"),
                "PidFile " + tmp.resolve("sshd.pid"),
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                ""));
        Path log = tmp.resolve("sshd.log");
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", tmp.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !sshd.isAlive() || Files.readString(log).contains("Server listening"));
        assumeTrue(sshd.isAlive(), () -> "sshd would not start here: " + read(log));
    }

    @AfterAll
    static void stopSshd() throws InterruptedException {
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "LANG={0}")
    @ValueSource(strings = {"C.UTF-8", "C"})
    void theDashboardOverSshGoesWhenTheConnectionDrops(String lang) throws Exception {
        try (Tmux t = new Tmux(dir, 80, 24, "xterm-256color")) {
            String remote = "export LANG=" + lang + " TERM=xterm-256color THREADLAB_LOG=" + dir.resolve("log") + "; "
                    + Tmux.JAVA + " -D" + t.marker + " -jar " + Tmux.JAR + " run race-counter";
            t.type("ssh -tt -i " + keys.resolve("client") + " -p " + port + " -o StrictHostKeyChecking=no"
                    + " -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes "
                    + System.getProperty("user.name") + "@127.0.0.1 '" + remote + "'");
            String screen = awaitScreen(t, "race-counter", "counter-1", "q quit");
            assertThat(screen).as("box drawing arrives whole over SSH").contains("┌ Threads");
            ProcessHandle java = find(t, "/java").orElseThrow();
            ProcessHandle client = find(t, "/ssh").orElseThrow();

            client.destroyForcibly(); // the connection drops: sshd hangs up the session's terminal
            await().atMost(Duration.ofSeconds(20)).until(() -> !java.isAlive());
            await().atMost(Duration.ofSeconds(10)).until(() -> find(t, "").isEmpty());
            assertThat(Files.readString(dir.resolve("log"))).doesNotContain("ERROR");
        }
    }

    /** A process whose command line has this test's marker and whose program's path ends with {@code program}. */
    private static Optional<ProcessHandle> find(Tmux t, String program) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(t.marker)).orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith(program)).orElse(false))
                .findFirst();
    }

    private static String awaitScreen(Tmux t, String... texts) {
        AtomicReference<String> last = new AtomicReference<>("");
        try {
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
                last.set(t.screen());
                return List.of(texts).stream().allMatch(last.get()::contains);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("screen never showed " + String.join(", ", texts) + ":\n" + last.get(), e);
        }
        return last.get();
    }

    /** A command's exit code; -1 when it is not there or does not end. */
    private static int run(String... cmd) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
