package dev.threadlab;

import dev.threadlab.cli.AttachCommand;
import dev.threadlab.cli.CatalogOptions;
import dev.threadlab.cli.ConnectCommand;
import dev.threadlab.cli.DashboardLauncher;
import dev.threadlab.cli.DashboardOptions;
import dev.threadlab.cli.DurationConverter;
import dev.threadlab.cli.ListCommand;
import dev.threadlab.cli.LogFile;
import dev.threadlab.cli.ReplayCommand;
import dev.threadlab.cli.RunCommand;
import dev.threadlab.cli.SaveOption;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code threadlab} command. Exit codes: 0 done, 1 a failure of ThreadLab itself, 2 bad usage or input. */
@Command(name = "threadlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Watch Java threads live: runnable concurrency lessons, sampled from ThreadMXBean.",
            "With no command: the dashboard, with a scenario picker."},
        subcommands = {ListCommand.class, RunCommand.class, AttachCommand.class, ConnectCommand.class, ReplayCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    DashboardOptions dashboard;

    @Mixin
    SaveOption save;

    @Option(names = "--interval", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "250ms",
            description = "Time between samples (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Spec
    CommandSpec spec;

    /** No command: the dashboard, with the scenario picker open. */
    @Override
    public Integer call() {
        return DashboardLauncher.launch(catalog.load(), null, interval, null, dashboard, save,
                spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        LogFile.init(); // before anything logs: logback.xml reads the path from it
        // ThreadLab's own threads are all threadlab-*: in the all-threads view they never pass for the scenario's.
        Thread.currentThread().setName("threadlab-main");
        // RMI waits for a reply forever by default: a dropped link would hang a remote tick.
        if (System.getProperty("sun.rmi.transport.tcp.responseTimeout") == null) {
            System.setProperty("sun.rmi.transport.tcp.responseTimeout", "5000");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with ThreadLab's error handling: one line on stderr, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler(Main::badUsage);
        cl.setExecutionExceptionHandler((e, line, parsed) -> failed(e, line));
        return cl;
    }

    private static int badUsage(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage() + " (see: " + name + " --help)");
        err.flush();
        return EXIT_USAGE;
    }

    private static int failed(Exception e, CommandLine cl) {
        PrintWriter err = cl.getErr();
        if (e instanceof UserError) {
            err.println("threadlab: " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        LoggerFactory.getLogger(Main.class).error("threadlab failed", e);
        err.println("threadlab: internal error: " + e + " (details in " + LogFile.current() + ")");
        err.flush();
        return EXIT_FAILURE;
    }

    /** {@code --version}: ThreadLab's version and the JVM it runs on. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "threadlab " + (v == null ? "(development build)" : v),
                "JVM " + System.getProperty("java.vm.name") + " " + Runtime.version() + " ("
                        + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
