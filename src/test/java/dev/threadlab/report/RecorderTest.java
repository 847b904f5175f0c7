package dev.threadlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.threadlab.MainProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorder that cannot write says so once, and the watch goes on; a path that cannot be is told up front. */
class RecorderTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskIsToldOnceAndTheRunGoesOn() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full, a device that is always full");
        MainProcess.Ran r = MainProcess.run(dir, Duration.ofSeconds(60), "run", "hello-thread", "--headless", "--set",
                "pace=200ms", "--interval", "50ms", "--save", "/dev/full");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> err = r.err().isBlank() ? List.of() : List.of(r.err().strip().split("\n"));
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).isEqualTo("threadlab: cannot write the recording /dev/full (No space left on device);"
                + " the watch goes on unrecorded");
        assertThat(r.samples().size()).as("the headless output goes on").isGreaterThan(5);
        assertThat(r.summary().path("status").asText()).isEqualTo("finished");
    }

    @Test
    void aDirectoryThatIsNotThereIsToldBeforeAnythingRuns() throws Exception {
        Path nowhere = dir.resolve("gone/r.jsonl");
        MainProcess.Ran r = MainProcess.run(dir, Duration.ofSeconds(60), "run", "hello-thread", "--headless",
                "--save", nowhere.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("threadlab: --save " + nowhere + ": no such directory "
                + nowhere.getParent());
        assertThat(r.lines()).isEmpty();
    }
}
