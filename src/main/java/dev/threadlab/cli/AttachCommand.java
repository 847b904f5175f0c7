package dev.threadlab.cli;

import dev.threadlab.probe.jvm.LocalJvms;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code threadlab attach [PID]}: the JVMs on this machine, or the threads of one of them. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = {"Watch another JVM on this machine through the Attach API.",
            "With no PID: list the JVMs you can attach to."})
public final class AttachCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PID", description = "The JVM to watch.")
    Long pid;

    @Mixin
    WatchOptions watch;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (pid == null) {
            List<LocalJvms.Jvm> jvms = LocalJvms.list();
            if (jvms.isEmpty()) {
                out.println("no other JVM of yours runs here (threadlab attach PID needs one)");
            } else {
                out.printf("%8s  %9s  %s%n", "PID", "UPTIME", "MAIN CLASS");
                for (LocalJvms.Jvm j : jvms) {
                    out.printf("%8d  %9s  %s%n", j.pid(), j.uptime() == null ? "?" : uptime(j.uptime().toSeconds()),
                            j.mainClass());
                }
            }
            out.flush();
            return 0;
        }
        long target = pid;
        return Watcher.watch("attach", () -> LocalJvms.attach(target, watch.timeout), watch, catalog.load(),
                spec.commandLine().getErr());
    }

    static String uptime(long s) {
        return s >= 86400 ? s / 86400 + "d" + s / 3600 % 24 + "h" : s >= 3600 ? s / 3600 + "h" + s / 60 % 60 + "m"
                : s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
    }
}
