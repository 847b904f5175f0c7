package dev.threadlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadlab.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line in this JVM: what a user sees for good and bad input, and the exit codes. */
class CommandLineTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\n");
        }
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void listPrintsOneScenarioALineIdFirst() {
        Outcome o = run("list");
        assertThat(o.code()).isZero();
        assertThat(o.out().lines().map(l -> l.split("\\s+")[0]))
                .contains("hello-thread", "interleaving", "race-counter", "locked-counter", "thread-pool");
        assertThat(o.out().lines()).allSatisfy(l -> assertThat(l).matches("[a-z0-9-]+ {2,}\\S.*"));
    }

    @Test
    void listWithParamsShowsValuesAndRanges() {
        Outcome o = run("list", "--params");
        assertThat(o.out()).contains("threads", "1..4096, default 2").contains("lock", "synchronized");
    }

    @Test
    void anUnknownScenarioIsOneLineAndExitTwo() {
        Outcome o = run("run", "nope", "--headless");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.errLines()).hasSize(1);
        assertThat(o.err()).startsWith("threadlab: unknown scenario 'nope' (known: hello-thread,");
    }

    @Test
    void aBadSetIsOneLineNamingTheKeyAndRange() {
        Outcome o = run("run", "race-counter", "--headless", "--set", "threads=-3");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("threadlab: --set threads=-3: threads must be 1..4096, got -3");
        Outcome unknown = run("run", "race-counter", "--headless", "--set", "thread=3");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("race-counter has no parameter 'thread' (it has: threads,");
        Outcome malformed = run("run", "race-counter", "--headless", "--set", "threads");
        assertThat(malformed.err()).contains("expected key=value");
    }

    @Test
    void aBadDurationOrOptionIsOneLineAndExitTwo() {
        Outcome o = run("run", "race-counter", "--headless", "--duration", "10");
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.errLines()).hasSize(1);
        assertThat(o.err()).contains("--duration").contains("expected a duration like 250ms");
        Outcome opt = run("run", "race-counter", "--bogus");
        assertThat(opt.code()).isEqualTo(2);
        assertThat(opt.errLines()).hasSize(1);
        assertThat(opt.err()).contains("Unknown option: '--bogus'");
        Outcome interval = run("run", "race-counter", "--headless", "--interval", "1ms");
        assertThat(interval.code()).isEqualTo(2);
        assertThat(interval.err()).contains("--interval must be between 10ms and 1m");
    }

    @Test
    void aMalformedConfigIsOneLineNamingFileAndLine() throws IOException {
        Path f = dir.resolve("my.yaml");
        Files.writeString(f, "scenarios:\n  - id: x\n    type: counter\n    params: {threads: [1, 2}\n");
        Outcome o = run("list", "--config", f.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.errLines()).hasSize(1);
        assertThat(o.err()).startsWith("threadlab: " + f + ":").contains("not valid YAML");
    }

    @Test
    void versionAndHelpAnswerAsUsersExpect() {
        Outcome v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("threadlab ").contains("JVM");
        Outcome h = run("run", "--help");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("--headless", "--duration", "--interval", "--set", "--config");
    }
}
