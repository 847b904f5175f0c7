package dev.threadlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ThreadLab watching JVMs it did not start (child JVMs these tests start): by pid through the
 * Attach API and over JMX, checked against what jstack says of the same JVM; and the errors people
 * hit, each one line and a non-zero exit.
 */
class WatchIT {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Path JAR = Path.of(System.getProperty("threadlab.jar", "target/threadlab.jar"))
            .toAbsolutePath();
    private static final List<String> WATCHED = List.of("spinner", "sleeper", "waiter", "monitor-holder",
            "monitor-blocked", "sync-deadlock-1", "sync-deadlock-2", "lock-deadlock-1", "lock-deadlock-2");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private int files;

    record Ran(int code, String out, String err) {
        List<JsonNode> json() {
            return HeadlessHarness.parse(out);
        }

        JsonNode lastSample() {
            List<JsonNode> samples = json().stream().filter(l -> l.get("type").asText().equals("sample")).toList();
            assertThat(samples).as("samples; stderr: " + err).isNotEmpty();
            return samples.get(samples.size() - 1);
        }

        List<String> errLines() {
            return err.isBlank() ? List.of() : List.of(err.strip().split("\n"));
        }
    }

    @AfterEach
    void killChildren() {
        started.forEach(Process::destroyForcibly);
    }

    /** A child JVM with threads in known states, once they are all in place. */
    private Process target(String... jvmArgs) throws IOException {
        return child("dev.threadlab.target.StatesTarget", jvmArgs);
    }

    private Process child(String mainClass, String... jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        Path out = dir.resolve("target-" + files++);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        started.add(p);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(out).contains("ready"));
        return p;
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("THREADLAB_LOG", dir.resolve("threadlab.log").toString());
        pb.environment().putAll(env);
        int n = files++;
        pb.redirectOutput(dir.resolve("out-" + n).toFile()).redirectError(dir.resolve("err-" + n).toFile());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Which out-N/err-N files each threadlab process writes. */
    private final Map<Process, Integer> outs = new HashMap<>();

    private Ran finish(Process p) throws Exception {
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("threadlab ended").isTrue();
        int n = outs.get(p);
        return new Ran(p.exitValue(), read("out-" + n), read("err-" + n));
    }

    private String read(String name) throws IOException {
        Path f = dir.resolve(name);
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    private Ran threadlab(Map<String, String> env, String... args) throws Exception {
        int n = files;
        Process p = start(env, args);
        outs.put(p, n);
        return finish(p);
    }

    private Ran threadlab(String... args) throws Exception {
        return threadlab(Map.of(), args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The sample's threads by name. */
    private static Map<String, JsonNode> byName(JsonNode sample) {
        Map<String, JsonNode> out = new HashMap<>();
        sample.get("threads").forEach(t -> out.put(t.get("name").asText(), t));
        return out;
    }

    /** States, lock owners and deadlocks as ThreadLab saw them, held against jstack's view. */
    private static void sameAsJstack(JsonNode sample, Jstack jstack) {
        Map<String, JsonNode> threads = byName(sample);
        for (String name : WATCHED) {
            assertThat(threads).containsKey(name);
            assertThat(threads.get(name).get("state").asText()).as(name).isEqualTo(jstack.states().get(name).name());
        }
        assertThat(threads.get("monitor-blocked").get("lockOwner").asText())
                .isEqualTo(jstack.owners().get("monitor-blocked")).isEqualTo("monitor-holder");
        Set<String> deadlocked = new HashSet<>();
        for (JsonNode id : sample.get("deadlocked")) {
            threads.values().stream().filter(t -> t.get("id").asLong() == id.asLong())
                    .forEach(t -> deadlocked.add(t.get("name").asText()));
        }
        assertThat(deadlocked).isEqualTo(jstack.deadlockHolders().keySet())
                .containsExactlyInAnyOrder("sync-deadlock-1", "sync-deadlock-2", "lock-deadlock-1", "lock-deadlock-2");
        jstack.deadlockHolders().forEach((waiter, holder) ->
                assertThat(threads.get(waiter).get("lockOwner").asText()).as(waiter + " waits for").isEqualTo(holder));
        assertThat(threads.get("lock-deadlock-1").get("cause").asText()).isEqualTo("parked");
        assertThat(threads.get("sync-deadlock-1").get("cause").asText()).isEqualTo("monitor");
        assertThat(threads.get("sleeper").get("cause").asText()).isEqualTo("sleeping");
    }

    @Test
    void attachReportsWhatJstackReports() throws Exception {
        Process target = target();
        Ran r = threadlab("attach", Long.toString(target.pid()), "--headless", "--duration", "3s", "--interval",
                "500ms");
        assertThat(r.code()).as(r.err()).isZero();
        sameAsJstack(r.lastSample(), Jstack.of(target.pid()));
        assertThat(r.json().get(r.json().size() - 1).get("status").asText()).isEqualTo("stopped");
        assertThat(target.isAlive()).as("the watched JVM runs on").isTrue();
    }

    @Test
    void attachWithNoPidListsTheJvms() throws Exception {
        Process target = target();
        Ran r = threadlab("attach");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(Long.toString(target.pid())).contains("dev.threadlab.target.StatesTarget");
    }

    @Test
    void connectOverJmxReportsWhatJstackReports() throws Exception {
        int port = freePort();
        Process target = target("-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Djava.rmi.server.hostname=127.0.0.1");
        Ran r = threadlab("connect", "127.0.0.1:" + port, "--headless", "--duration", "3s", "--interval", "500ms");
        assertThat(r.code()).as(r.err()).isZero();
        sameAsJstack(r.lastSample(), Jstack.of(target.pid()));
    }

    @Test
    void connectWithAPasswordTakesItFromTheEnvironmentOrAFileOnly() throws Exception {
        int port = freePort();
        Path passwords = dir.resolve("jmx.password");
        Files.writeString(passwords, "watcher s3cret\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Path access = dir.resolve("jmx.access");
        Files.writeString(access, "watcher readwrite\n");
        target("-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.authenticate=true",
                "-Dcom.sun.management.jmxremote.password.file=" + passwords,
                "-Dcom.sun.management.jmxremote.access.file=" + access, "-Dcom.sun.management.jmxremote.ssl=false",
                "-Djava.rmi.server.hostname=127.0.0.1");
        String where = "127.0.0.1:" + port;

        Ran ok = threadlab(Map.of("THREADLAB_JMX_PASSWORD", "s3cret"), "connect", where, "--user", "watcher",
                "--headless", "--duration", "2s");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(byName(ok.lastSample())).containsKey("monitor-blocked");

        Path file = dir.resolve("pw");
        Files.writeString(file, "s3cret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Ran readable = threadlab("connect", where, "--user", "watcher", "--password-file", file.toString(),
                "--headless", "--duration", "1s");
        assertThat(readable.code()).isEqualTo(2);
        assertThat(readable.errLines()).containsExactly("threadlab: the password file " + file
                + " can be read by others (rw-r--r--): chmod 600 " + file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Ran fromFile = threadlab("connect", where, "--user", "watcher", "--password-file", file.toString(),
                "--headless", "--duration", "1s");
        assertThat(fromFile.code()).as(fromFile.err()).isZero();

        Ran wrong = threadlab(Map.of("THREADLAB_JMX_PASSWORD", "nope"), "connect", where, "--user", "watcher",
                "--headless", "--duration", "1s");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.errLines()).containsExactly("threadlab: cannot connect to " + where
                + ": authentication failed for user 'watcher'");

        Ran none = threadlab("connect", where, "--headless", "--duration", "1s");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.errLines()).hasSize(1);
        assertThat(none.err()).contains("needs a user and password");
    }

    @Test
    void whatGoesWrongIsOneLineAndANonZeroExit() throws Exception {
        Ran gone = threadlab("attach", "999999", "--headless");
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.errLines()).containsExactly("threadlab: no process with pid 999999 (it may have ended; "
                + "'threadlab attach' lists the JVMs you can attach to)");

        int port = freePort();
        Ran refused = threadlab("connect", "127.0.0.1:" + port, "--headless");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).contains("connection refused");

        Process closed = target("-XX:+DisableAttachMechanism");
        Ran disabled = threadlab("attach", Long.toString(closed.pid()), "--headless", "--timeout", "5s");
        assertThat(disabled.code()).isEqualTo(2);
        assertThat(disabled.errLines()).hasSize(1);
        assertThat(disabled.err()).contains("cannot attach to pid " + closed.pid());

        Ran bad = threadlab("connect", "nowhere", "--headless");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("expected HOST:PORT");
    }

    @Test
    void anAttachedWatchIsSavedAndReplaysAsItWasSeen() throws Exception {
        Process target = target();
        Path file = dir.resolve("watch.jsonl.gz");
        Ran live = threadlab("attach", Long.toString(target.pid()), "--headless", "--duration", "2s", "--interval",
                "200ms", "--save", file.toString());
        assertThat(live.code()).as(live.err()).isZero();
        Ran replayed = threadlab("replay", file.toString(), "--headless");
        assertThat(replayed.code()).as(replayed.err()).isZero();
        List<JsonNode> a = live.json().stream().filter(l -> !l.get("type").asText().equals("header")).toList();
        List<JsonNode> b = replayed.json().stream()
                .filter(l -> !l.get("type").asText().equals("header") && !l.get("type").asText().equals("run"))
                .toList();
        assertThat(b).isEqualTo(a);
        assertThat(replayed.json().get(0).get("source").asText()).isEqualTo("attach");
        assertThat(byName(live.lastSample())).containsKey("monitor-blocked");
    }

    @Test
    void aLinkThatDropsEndsTheWatchWithOneLine() throws Exception {
        Process target = target();
        int n = files;
        Process watch = start(Map.of(), "attach", Long.toString(target.pid()), "--headless", "--interval", "200ms");
        outs.put(watch, n);
        await().atMost(Duration.ofSeconds(30)).until(() -> read("out-" + n).contains("\"monitor-blocked\""));
        target.destroyForcibly();
        Ran r = finish(watch);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines().get(r.errLines().size() - 1)).contains("connection lost");
        JsonNode summary = r.json().get(r.json().size() - 1);
        assertThat(summary.get("type").asText()).isEqualTo("summary");
        assertThat(summary.get("status").asText()).isEqualTo("failed");
    }

    @Test
    void aScenarioInOneProcessShowsItsCountersInAnother() throws Exception {
        int n = files;
        Process scenario = start(Map.of(), "run", "thread-pool", "--headless", "--set", "tasks=1000", "--set",
                "taskTime=200ms");
        outs.put(scenario, n);
        await().atMost(Duration.ofSeconds(30)).until(() -> read("out-" + n).contains("\"squares\""));
        Ran r = threadlab("attach", Long.toString(scenario.pid()), "--headless", "--duration", "2s");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode sample = r.lastSample();
        assertThat(sample.get("counters").get("submitted").asInt()).isEqualTo(1000);
        assertThat(sample.get("pools").get(0).get("name").asText()).isEqualTo("squares");
        assertThat(sample.get("pools").get(0).get("poolSize").asInt()).isEqualTo(3);
        assertThat(sample.get("pools").get(0).get("queued").asInt()).isPositive();
        scenario.destroy();
    }

    @Test
    void thePoolsRealServersPublishShowUp() throws Exception {
        Process servers = child("dev.threadlab.target.ServersTarget");
        Ran r = threadlab("attach", Long.toString(servers.pid()), "--headless", "--duration", "2s");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> pools = new ArrayList<>();
        r.lastSample().get("pools").forEach(p -> pools.add(p.get("name").asText()));
        assertThat(pools).anySatisfy(p -> assertThat(p).startsWith("Tomcat http-nio-"));
        assertThat(pools).anySatisfy(p -> assertThat(p).startsWith("org.eclipse.jetty.util.thread"));
        JsonNode jetty = null;
        for (JsonNode p : r.lastSample().get("pools")) {
            if (p.get("name").asText().startsWith("org.eclipse.jetty")) {
                jetty = p;
            }
        }
        assertThat(jetty.get("poolSize").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(jetty.get("largest").asInt()).as("Jetty's max threads").isEqualTo(16);
    }
}
