package dev.threadlab.cli;

import dev.threadlab.report.Recorder;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** {@code --save FILE}: record the watch as it is sampled, to replay it later. */
public final class SaveOption {
    @Option(names = "--save", paramLabel = "FILE",
            description = "Record the session as it is sampled (gzip if FILE ends in .gz); threadlab replay FILE plays it.")
    Path save;

    /** The recorder, or null without --save; {@code problem} hears once if writing fails. */
    Recorder recorder(Consumer<String> problem) {
        return save == null ? null : Recorder.open(save, problem);
    }
}
