package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.ChildJvm;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daemon and a non-daemon thread, for real: a child JVM whose {@code main} starts both and returns
 * at once. The JVM keeps running while the non-daemon 'worker' has steps to do, and exits the moment
 * it ends, cutting 'daemon-worker' short. Its lines are relayed here as they come.
 *
 * <p>The same two threads also run in this JVM, quietly and in step with the child's, so the panes
 * show the daemon flag of each; here the run, not the JVM, ends the daemon when the child exits.
 */
public final class DaemonThreads implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("daemon-threads", List.of(
            ParamSpec.integer("steps", 5, 1, 1000, "steps the non-daemon worker takes"),
            ParamSpec.integer("daemonSteps", 10, 1, 1000, "steps the daemon worker would take if let"),
            ParamSpec.duration("pace", Duration.ofMillis(400), Duration.ofSeconds(10), "time one step takes")),
            DaemonThreads::new);

    private static final Pattern STEP = Pattern.compile("(worker|daemon-worker) step (\\d+)/(\\d+)");

    private final int steps;
    private final int daemonSteps;
    private final Duration pace;

    DaemonThreads(Params p) {
        this.steps = p.integer("steps");
        this.daemonSteps = p.integer("daemonSteps");
        this.pace = p.duration("pace");
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        AtomicInteger workerDone = new AtomicInteger();
        AtomicInteger daemonDone = new AtomicInteger();
        ctx.counter("workerSteps", workerDone::get);
        ctx.counter("daemonSteps", daemonDone::get);

        Thread worker = ctx.newThread("worker", stepper(steps));
        Thread daemon = ctx.newDaemonThread("daemon-worker", stepper(daemonSteps));

        ctx.step("start the child JVM");
        Process child;
        try {
            child = ctx.startJava(Child.class, List.of(), List.of(Integer.toString(steps),
                    Integer.toString(daemonSteps), Long.toString(pace.toMillis())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a child JVM: " + e.getMessage(), e);
        }
        ctx.print("child JVM started, pid " + child.pid());
        Thread relay = ctx.newThread("child", () -> { // relays the child JVM's lines, shown as from 'child'
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    ctx.print(line);
                    Matcher m = STEP.matcher(line);
                    if (m.find()) {
                        (m.group(1).equals("worker") ? workerDone : daemonDone).set(Integer.parseInt(m.group(2)));
                    } else if (line.startsWith("main: started")) {
                        worker.start(); // the mirrors start with the child's threads
                        daemon.start();
                    } else if (line.startsWith("jvm: ")) {
                        daemon.interrupt(); // the child's JVM is exiting: its daemon ends now, so does the mirror
                    }
                }
            } catch (IOException e) {
                // the child was destroyed: its pipe is closed
            }
        });
        relay.start();

        relay.join(); // its output ends when the child exits (joined rather than waitFor(): the same wait on every JDK)
        int exit = child.waitFor();
        worker.join();
        daemon.interrupt(); // as the child's JVM did to its own daemon when 'worker' ended
        daemon.join();

        ctx.result("childExitCode", exit);
        ctx.result("nonDaemon", report("worker", false, steps, workerDone.get()));
        ctx.result("daemon", report("daemon-worker", true, daemonSteps, daemonDone.get()));
        ctx.print("child exited (" + exit + "): worker " + workerDone.get() + "/" + steps + ", daemon-worker "
                + daemonDone.get() + "/" + daemonSteps);
    }

    private static Map<String, Object> report(String thread, boolean daemon, int planned, int done) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("thread", thread);
        r.put("daemon", daemon);
        r.put("planned", planned);
        r.put("done", done);
        return r;
    }

    /** The in-process mirror of a child thread: the same steps, without the printing. */
    private Runnable stepper(int n) {
        return () -> {
            try {
                for (int i = 0; i < n; i++) {
                    Thread.sleep(pace.toMillis());
                }
            } catch (InterruptedException e) {
                // cut short
            }
        };
    }

    /** The child JVM: {@code steps daemonSteps paceMs}. Its main returns at once; the JVM decides when to end. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            ChildJvm.exitWhenStdinCloses();
            int steps = Integer.parseInt(args[0]);
            int daemonSteps = Integer.parseInt(args[1]);
            long pace = Long.parseLong(args[2]);
            AtomicInteger daemonDone = new AtomicInteger();
            Thread worker = new Thread(() -> loop("worker", steps, pace, new AtomicInteger()), "worker");
            Thread daemon = new Thread(() -> loop("daemon-worker", daemonSteps, pace, daemonDone), "daemon-worker");
            daemon.setDaemon(true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(
                    "jvm: no non-daemon thread left: exit; daemon-worker cut at " + daemonDone.get() + "/"
                            + daemonSteps)));
            worker.start();
            daemon.start();
            System.out.println("main: started worker (daemon " + worker.isDaemon() + "), daemon-worker (daemon "
                    + daemon.isDaemon() + "); returns");
        }

        private static void loop(String name, int steps, long pace, AtomicInteger done) {
            for (int i = 1; i <= steps; i++) {
                try {
                    Thread.sleep(pace);
                } catch (InterruptedException e) {
                    return;
                }
                done.set(i);
                System.out.println(name + " step " + i + "/" + steps);
            }
            System.out.println(name + " finished all " + steps + " steps");
        }
    }
}
