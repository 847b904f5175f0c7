package dev.threadlab.cli;

import dev.threadlab.UserError;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.report.Recorder;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.scenario.ScenarioEntry;
import dev.threadlab.watch.Control;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.ScenarioSource;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code threadlab run ID}: one scenario, on the dashboard or headless as JSON lines. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one scenario on the live dashboard, or with --headless as JSON lines on stdout.")
public final class RunCommand implements Callable<Integer> {
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

    @Parameters(index = "0", paramLabel = "ID", description = "The scenario to run (see: threadlab list).")
    String id;

    @Option(names = "--headless", description = "No screen: write JSON lines to stdout (format in the README).")
    boolean headless;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Stop the scenario after this long (e.g. 10s) and exit; by default it runs to its end.")
    Duration duration;

    @Option(names = "--interval", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "250ms",
            description = "Time between samples (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a scenario parameter (repeatable), e.g. --set threads=8.")
    List<String> sets = new ArrayList<>();

    @Mixin
    DashboardOptions dashboard;

    @Mixin
    SaveOption save;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ScenarioCatalog all = catalog.load();
        ScenarioEntry entry = ParamOverrides.apply(all.get(id), sets);
        checkTimes();
        if (!headless) {
            return DashboardLauncher.launch(all, entry, interval, duration, dashboard, save,
                    spec.commandLine().getErr());
        }
        checkHeadless();
        return runHeadless(entry, new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    }

    private void checkTimes() {
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new UserError("--interval must be between 10ms and 1m, got " + interval.toMillis() + "ms");
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new UserError("--duration must be more than 0");
        }
    }

    private void checkHeadless() {
        if (dashboard.autopilot != null || dashboard.record != null) {
            throw new UserError("--autopilot and --record drive and record the dashboard: leave out --headless");
        }
    }

    int runHeadless(ScenarioEntry entry, OutputStream stdout) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Recorder recorder = save.recorder(problem -> Headless.warn(err, problem));
        Engine engine = new Engine(new ScenarioSource(entry.id()), new Engine.Settings(interval, duration, null, true));
        engine.control(new Control.Start(entry), why -> { });
        Snapshot last = Headless.run(engine, stdout, recorder, err);
        return last.run().status() == RunState.Status.FAILED ? 1 : 0;
    }
}
