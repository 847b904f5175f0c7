package dev.threadlab.cli;

import dev.threadlab.UserError;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.jvm.JvmTarget;
import dev.threadlab.probe.jvm.Links;
import dev.threadlab.report.Recorder;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.JvmSource;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Watches another JVM, once reached: headless as JSON lines, or on the dashboard. Used by attach and connect. */
final class Watcher {
    /** How often a dashboard tries again after the link dropped. */
    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(2);

    private Watcher() {
    }

    /**
     * @param kind  {@code attach} or {@code connect}
     * @param reach reaches the JVM (again, after a dropped link); throws a UserError when it cannot
     */
    static int watch(String kind, Supplier<JvmTarget> reach, WatchOptions opts, ScenarioCatalog catalog,
            PrintWriter err) throws InterruptedException {
        if (opts.headless && (opts.dashboard.autopilot != null || opts.dashboard.record != null)) {
            throw new UserError("--autopilot and --record are for the dashboard: leave out --headless");
        }
        JvmSource.Link first = link(reach.get());
        tellSwitches(first, err);
        JvmSource source = new JvmSource(kind, first, () -> link(reach.get()));
        if (opts.headless) {
            Recorder recorder;
            try {
                recorder = opts.save.recorder(problem -> Headless.warn(err, problem));
            } catch (RuntimeException e) {
                source.close();
                throw e;
            }
            Engine engine = new Engine(source, new Engine.Settings(opts.interval, opts.duration, null, true));
            Snapshot last = Headless.run(engine,
                    new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), recorder, err);
            if (last.run().status() == RunState.Status.FAILED) {
                Headless.warn(err, first.target().label() + ": " + last.run().note());
                return 1;
            }
            return 0;
        }
        Engine engine = new Engine(source, new Engine.Settings(opts.interval, opts.duration, RECONNECT_EVERY, false));
        return DashboardLauncher.launch(catalog, engine, null, DashboardLauncher.Mode.WATCH, opts.dashboard,
                opts.save, err);
    }

    /** A sampler for the target; the JVM-wide switches it turns on there go back off when it lets go. */
    private static JvmSource.Link link(JvmTarget target) {
        try {
            return new JvmSource.Link(target, new Sampler(target.threads()));
        } catch (RuntimeException e) {
            target.close();
            throw new UserError(target.label() + ": cannot read its threads: " + Links.reason(e));
        }
    }

    private static void tellSwitches(JvmSource.Link link, PrintWriter err) {
        List<String> on = link.sampler().switchedOn();
        if (!on.isEmpty()) {
            err.println("threadlab: turned on " + String.join(" and ", on) + " in " + link.target().label()
                    + " (JVM-wide, for every tool); threadlab turns it off again when it lets go");
            err.flush();
        }
    }
}
