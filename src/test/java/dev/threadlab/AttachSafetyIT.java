package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attach} never harms what it is pointed at: the Attach API's SIGQUIT ends a process that is not
 * a JVM, so nothing is sent unless the pid is a HotSpot JVM that can answer; and no {@code .attach_pid}
 * file is left behind, whatever happens.
 */
class AttachSafetyIT {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Path JAR = Path.of(System.getProperty("threadlab.jar", "target/threadlab.jar"))
            .toAbsolutePath();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private final Map<Process, Path> outputs = new HashMap<>();
    private int files;

    record Ran(int code, String out, String err) {
        List<String> errLines() {
            return err.isBlank() ? List.of() : List.of(err.strip().split("\n"));
        }
    }

    @AfterEach
    void killChildren() {
        for (Process p : started) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /** Started from this JVM, the child takes SIGQUIT's default action (a shell's background job ignores it). */
    private Process process(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("proc-" + files++).toFile()).start();
        started.add(p);
        return p;
    }

    private Process jvm(String... jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.threadlab.target.IdleTarget"));
        Path out = dir.resolve("jvm-" + files++);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        started.add(p);
        outputs.put(p, out);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(out).contains("ready"));
        return p;
    }

    private String outputOf(Process jvm) throws IOException {
        return Files.readString(outputs.get(jvm), StandardCharsets.UTF_8);
    }

    private Ran threadlab(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        int n = files++;
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("THREADLAB_LOG", dir.resolve("threadlab.log").toString());
        pb.redirectOutput(dir.resolve("out-" + n).toFile()).redirectError(dir.resolve("err-" + n).toFile());
        Process p = pb.start();
        started.add(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("threadlab ended").isTrue();
        return new Ran(p.exitValue(), Files.readString(dir.resolve("out-" + n)),
                Files.readString(dir.resolve("err-" + n)));
    }

    /** The attach files the Attach API would make for {@code pid}: in its working directory, or in /tmp. */
    private List<Path> attachFiles(long pid) {
        String name = ".attach_pid" + pid;
        return List.of(dir.resolve(name), Path.of("/tmp", name), Path.of(System.getProperty("java.io.tmpdir"), name));
    }

    private void assertNoAttachFile(long pid) {
        for (Path f : attachFiles(pid)) {
            assertThat(f).as("left behind").doesNotExist();
        }
    }

    @Test
    void aSleepSurvivesAttachAndIsToldApartAtOnce() throws Exception {
        Process sleep = process("sleep", "300");
        Ran r = threadlab("attach", Long.toString(sleep.pid()), "--headless");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("threadlab: pid " + sleep.pid() + " is not a Java process (sleep)");
        assertThat(sleep.isAlive()).as("sleep is still alive").isTrue();
        assertThat(sleep.waitFor(1, TimeUnit.SECONDS)).as("sleep did not die late").isFalse();
        assertNoAttachFile(sleep.pid());
    }

    @Test
    void aPythonLoopSurvivesAttach() throws Exception {
        Process python = process("python3", "-c", "import time\nwhile True: time.sleep(0.1)");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(Path.of("/proc/" + python.pid()
                + "/comm")).strip().startsWith("python"));
        Ran r = threadlab("attach", Long.toString(python.pid()), "--headless");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("threadlab: pid " + python.pid() + " is not a Java process (python");
        assertThat(python.waitFor(1, TimeUnit.SECONDS)).as("python did not die").isFalse();
        assertNoAttachFile(python.pid());
    }

    @Test
    void aJvmWithoutPerfDataIsListedAndAttached() throws Exception {
        Process quiet = jvm("-XX:-UsePerfData");
        Ran list = threadlab("attach");
        assertThat(list.code()).isZero();
        assertThat(list.out()).containsPattern("(?m)^\\s*" + quiet.pid() + "\\s+\\S+\\s+dev\\.threadlab\\.target\\.IdleTarget");
        Ran r = threadlab("attach", Long.toString(quiet.pid()), "--headless", "--duration", "2s");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"type\":\"sample\"").contains("\"name\":\"main\"");
        assertNoAttachFile(quiet.pid());
    }

    @Test
    void theListShowsOnlyJvms() throws Exception {
        Process sleep = process("sleep", "300");
        Process idle = jvm();
        Ran list = threadlab("attach");
        assertThat(list.out()).containsPattern("(?m)^\\s*" + idle.pid() + "\\s");
        assertThat(list.out()).doesNotContainPattern("(?m)^\\s*" + sleep.pid() + "\\s");
        assertThat(sleep.isAlive()).isTrue();
    }

    @Test
    void aJvmWithAttachDisabledIsToldWithoutASignal() throws Exception {
        Process closed = jvm("-XX:+DisableAttachMechanism");
        Ran r = threadlab("attach", Long.toString(closed.pid()), "--headless");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("threadlab: cannot attach to pid " + closed.pid()
                + ": it was started with -XX:+DisableAttachMechanism (use connect HOST:PORT if it has a JMX port)");
        // A SIGQUIT would have made it print a thread dump: none was sent.
        assertThat(outputOf(closed)).doesNotContain("Full thread dump");
        assertNoAttachFile(closed.pid());
    }

    @Test
    void aStoppedJvmIsToldAtOnce() throws Exception {
        Process frozen = jvm();
        new ProcessBuilder("kill", "-STOP", Long.toString(frozen.pid())).start().waitFor();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> stateOf(frozen.pid()) == 'T');
            Ran r = threadlab("attach", Long.toString(frozen.pid()), "--headless");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.errLines()).containsExactly("threadlab: pid " + frozen.pid() + " (java) is stopped (by a "
                    + "signal or a debugger) and cannot answer: resume it with kill -CONT " + frozen.pid() + " first");
            assertNoAttachFile(frozen.pid());
        } finally {
            new ProcessBuilder("kill", "-CONT", Long.toString(frozen.pid())).start().waitFor();
        }
    }

    /**
     * Attach turned off where the command line does not show it (an argument file), and no perf data for
     * the Attach API to read that from: it signals and waits in vain. ThreadLab gives up at its deadline with one line and removes the file the API made.
     */
    @Test
    void aJvmThatNeverAnswersGetsOneLineAndNoFileLeft() throws Exception {
        Path args = dir.resolve("jvm.args");
        Files.writeString(args, "-XX:+DisableAttachMechanism -XX:-UsePerfData\n");
        Process silent = jvm("@" + args);
        Ran r = threadlab("attach", Long.toString(silent.pid()), "--headless", "--timeout", "2s");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("threadlab: pid " + silent.pid()
                + " did not answer the Attach API within 2s");
        assertNoAttachFile(silent.pid());
        assertThat(silent.isAlive()).isTrue();
    }

    private static char stateOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
