package dev.threadlab.cli;

import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.jvm.AttachedJvm;
import dev.threadlab.probe.jvm.JvmTarget;
import dev.threadlab.report.HeadlessRun;
import dev.threadlab.report.JsonLines;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.ui.Session;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

/** Watches another JVM, once reached: headless as JSON lines, or on the dashboard. Used by attach and connect. */
final class Watcher {
    private Watcher() {
    }

    /**
     * @param reach reaches the JVM (again, after a dropped link); throws a UserError when it cannot
     */
    static int watch(Supplier<JvmTarget> reach, WatchOptions opts, ScenarioCatalog catalog, PrintWriter err)
            throws InterruptedException {
        JvmTarget target = reach.get();
        Sampler sampler = sampler(target, err);
        if (opts.headless) {
            if (opts.dashboard.autopilot != null || opts.dashboard.record != null) {
                target.close();
                throw new dev.threadlab.UserError("--autopilot and --record are for the dashboard: leave out --headless");
            }
            try {
                AttachedJvm jvm = new AttachedJvm(target);
                HeadlessRun run = new HeadlessRun(jvm, sampler, opts.interval, opts.duration,
                        new JsonLines(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)));
                Signals.onInterrupt(run::requestStop);
                Snapshot last = run.execute();
                if (last.run().status() == RunState.Status.FAILED) {
                    err.println("threadlab: " + target.label() + ": " + last.run().note());
                    err.flush();
                    return 1;
                }
                return 0;
            } finally {
                closeQuietly(sampler);
                target.close();
            }
        }
        Session.Feed first = feed(target, sampler);
        return DashboardLauncher.launch(catalog, null, first, () -> {
            JvmTarget again = reach.get();
            return feed(again, new Sampler(again.threads()));
        }, opts.interval, opts.duration, opts.dashboard, err);
    }

    private static Session.Feed feed(JvmTarget target, Sampler sampler) {
        return new Session.Feed(sampler, new AttachedJvm(target), false, () -> {
            closeQuietly(sampler);
            target.close();
        });
    }

    /** A sampler for the target; says which JVM-wide switches it turned on there (they go back off on exit). */
    private static Sampler sampler(JvmTarget target, PrintWriter err) {
        Sampler sampler;
        try {
            sampler = new Sampler(target.threads());
        } catch (RuntimeException e) {
            target.close();
            throw new dev.threadlab.UserError(target.label() + ": cannot read its threads: "
                    + dev.threadlab.probe.jvm.Links.reason(e));
        }
        List<String> on = sampler.switchedOn();
        if (!on.isEmpty()) {
            err.println("threadlab: turned on " + String.join(" and ", on) + " in " + target.label()
                    + " (JVM-wide, for every tool); threadlab turns it off again when it lets go");
            err.flush();
        }
        return sampler;
    }

    private static void closeQuietly(Sampler sampler) {
        try {
            sampler.close();
        } catch (RuntimeException e) {
            // the JVM is gone: nothing to put back
        }
    }
}
