package dev.threadlab.cli;

import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How to watch another JVM: on the dashboard or headless, how often, for how long. */
public final class WatchOptions {
    @Option(names = "--headless", description = "No screen: write JSON lines to stdout (the same format as run).")
    boolean headless;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Let go after this long (e.g. 30s) and exit; by default, until q or Ctrl-C.")
    Duration duration;

    @Option(names = "--interval", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "1s",
            description = "Time between samples (default: ${DEFAULT-VALUE}; each costs a few round trips).")
    Duration interval;

    @Option(names = "--timeout", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "10s",
            description = "How long to wait for the JVM to answer when connecting (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    DashboardOptions dashboard;

    @Mixin
    SaveOption save;
}
