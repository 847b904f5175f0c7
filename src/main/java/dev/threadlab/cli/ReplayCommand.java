package dev.threadlab.cli;

import dev.threadlab.UserError;
import dev.threadlab.replay.Recording;
import dev.threadlab.replay.ReplaySource;
import dev.threadlab.replay.Slice;
import dev.threadlab.watch.Engine;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code threadlab replay FILE}: a recording on the dashboard, to play, step and scrub; or its records headless. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Play a recording (made with --save, or a --headless output) on the dashboard.",
            "With --headless: its records as JSON lines, every sample whole (--from/--to a window, --at one sample)."})
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The recording (.jsonl or .jsonl.gz).")
    Path file;

    @Option(names = "--headless", description = "No screen: write the records as JSON lines on stdout.")
    boolean headless;

    @Option(names = "--from", paramLabel = "TIME", converter = DurationConverter.class,
            description = "With --headless: from this time into the recording (e.g. 3s).")
    Duration from;

    @Option(names = "--to", paramLabel = "TIME", converter = DurationConverter.class,
            description = "With --headless: up to this time into the recording.")
    Duration to;

    @Option(names = "--at", paramLabel = "TIME", converter = DurationConverter.class,
            description = "With --headless: only the sample in force at this time.")
    Duration at;

    @Mixin
    DashboardOptions dashboard;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!headless && (from != null || to != null || at != null)) {
            throw new UserError("--from, --to and --at slice a recording for --headless: add --headless");
        }
        if (at != null && (from != null || to != null)) {
            throw new UserError("--at gives one sample: leave out --from and --to");
        }
        if (from != null && to != null && to.compareTo(from) < 0) {
            throw new UserError("--to must not be before --from");
        }
        if (headless && (dashboard.autopilot != null || dashboard.record != null)) {
            throw new UserError("--autopilot and --record are for the dashboard: leave out --headless");
        }
        Recording recording = Recording.open(file);
        if (headless) {
            try (recording) {
                OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
                Slice slice = new Slice(recording, out);
                boolean whole = at != null ? slice.at(at) : slice.window(from, to);
                out.flush();
                if (!whole) {
                    err.println("threadlab: " + file + ": the recording ends early (its last line was cut): "
                            + "all of it up to there was read");
                    err.flush();
                }
                return 0;
            }
        }
        ReplaySource source = new ReplaySource(recording, catalog.load());
        Engine engine = new Engine(source, new Engine.Settings(Duration.ofMillis(recording.intervalMs()), null,
                null, false));
        int code = DashboardLauncher.launch(catalog.load(), engine, null, DashboardLauncher.Mode.REPLAY, dashboard,
                null, err);
        if (source.error() != null) {
            throw new UserError(source.error());
        }
        return code;
    }
}
