package dev.threadlab.probe.jvm;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.threadlab.UserError;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import dev.threadlab.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The JVMs on this machine, and attaching to one: the Attach API asks it to start its local
 * management agent (no port is opened: the agent listens on loopback only for this user), and we
 * connect to that.
 */
public final class LocalJvms {
    private LocalJvms() {
    }

    /** A JVM that can be attached to: its pid, what it runs, and for how long. */
    public record Jvm(long pid, String mainClass, Duration uptime) {
    }

    /** How long the Attach API may wait for its target, at most; our own deadline allows a little more. */
    private static final String ATTACH_TIMEOUT_PROPERTY = "sun.tools.attach.attachTimeout";
    private static final Duration ATTACH_GRACE = Duration.ofSeconds(3);

    /**
     * The local HotSpot JVMs this user can attach to, this one left out: those jcmd lists (their perf data
     * files), each checked to be alive and a JVM still (a pid can be reused), and those started with
     * {@code -XX:-UsePerfData}, found by their mappings.
     */
    public static List<Jvm> list() {
        long self = ProcessHandle.current().pid();
        Map<Long, String> named = new LinkedHashMap<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            try {
                named.put(Long.parseLong(d.id()), d.displayName());
            } catch (NumberFormatException e) {
                // not a pid: not a local JVM
            }
        }
        Set<Long> pids = new TreeSet<>(named.keySet());
        if (LocalProcess.procAvailable()) {
            pids.addAll(LocalProcess.allPids());
        }
        List<Jvm> out = new ArrayList<>();
        for (long pid : pids) {
            if (pid == self) {
                continue;
            }
            LocalProcess p = LocalProcess.of(pid).orElse(null);
            boolean jvm = p != null && (p.runtime() == LocalProcess.Runtime.HOTSPOT
                    || p.runtime() == LocalProcess.Runtime.UNKNOWN && named.containsKey(pid));
            if (!jvm || !p.attachableByMe()) {
                continue;
            }
            String name = named.get(pid);
            out.add(new Jvm(pid, name == null || name.isBlank() ? p.mainClass() : name, uptime(pid)));
        }
        return out;
    }

    private static Duration uptime(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .map(start -> Duration.between(start, Instant.now())).orElse(null);
    }

    /**
     * Attaches to {@code pid} and connects to its management agent. Nothing is sent to a process that is
     * not a HotSpot JVM we may attach to: the Attach API's SIGQUIT would end it.
     *
     * @throws UserError with one line that says what went wrong (gone, not a JVM, another user, attach
     *                   disabled, no answer in time)
     */
    public static JvmTarget attach(long pid, Duration timeout) {
        LocalProcess process = attachable(pid);
        AttachFiles files = AttachFiles.before(pid);
        String address;
        try {
            address = Deadline.call(timeout.plus(ATTACH_GRACE), "attaching to pid " + pid, () -> {
                System.setProperty(ATTACH_TIMEOUT_PROPERTY, Long.toString(Math.max(1, timeout.toMillis())));
                VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
                try {
                    return vm.startLocalManagementAgent();
                } finally {
                    vm.detach();
                }
            });
        } catch (Deadline.Failed e) {
            files.removeNew();
            throw new UserError(why(pid, timeout, e.getCause()), e.getCause());
        }
        String label = "pid " + pid + " (" + mainClassOf(process) + ")";
        try {
            JMXConnector connector = Deadline.call(timeout, "connecting to pid " + pid,
                    () -> JMXConnectorFactory.connect(new JMXServiceURL(address)));
            return new JvmTarget(label, connector);
        } catch (Deadline.Failed | IOException e) {
            throw new UserError("attached to pid " + pid + " but could not connect to its management agent: "
                    + rootMessage(e));
        }
    }

    /**
     * The process, if it is one the Attach API may be pointed at; else one line that says why not, before
     * anything is sent to it.
     */
    static LocalProcess attachable(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            throw new UserError("pid " + pid + " is this threadlab itself: give the pid of another JVM");
        }
        LocalProcess p = LocalProcess.of(pid).orElseThrow(() -> new UserError("no process with pid " + pid
                + " (it may have ended; 'threadlab attach' lists the JVMs you can attach to)"));
        if (p.zombie()) {
            throw new UserError("pid " + pid + " (" + p.name() + ") has ended (its parent has not reaped it yet)");
        }
        if (!p.attachableByMe()) {
            String me = System.getProperty("user.name");
            String owner = p.owner() == null ? "uid " + p.uid() : p.owner();
            throw new UserError("cannot attach to pid " + pid + " (" + p.name() + "): it runs as '" + owner
                    + "' and you are '" + me + "' (attach as that user, e.g. sudo -u " + owner + " ...)");
        }
        switch (p.runtime()) {
            case NOT_JAVA -> throw new UserError("pid " + pid + " is not a Java process (" + p.name() + ")");
            case OTHER_JVM -> throw new UserError("pid " + pid + " (" + p.name() + ") is a JVM that is not "
                    + "HotSpot (OpenJ9?): ThreadLab attaches to HotSpot JVMs only; try connect HOST:PORT");
            case UNKNOWN -> {
                if (!perfDataOf(pid)) {
                    throw new UserError("cannot tell whether pid " + pid + " (" + p.name() + ") is a JVM, so "
                            + "ThreadLab leaves it alone ('threadlab attach' lists the JVMs you can attach to)");
                }
            }
            case HOTSPOT -> { }
        }
        if (p.stopped()) {
            throw new UserError("pid " + pid + " (" + p.name() + ") is stopped (by a signal or a debugger) and "
                    + "cannot answer: resume it with kill -CONT " + pid + " first");
        }
        if (p.attachDisabled()) {
            throw new UserError("cannot attach to pid " + pid + ": it was started with "
                    + "-XX:+DisableAttachMechanism (use connect HOST:PORT if it has a JMX port)");
        }
        return p;
    }

    private static boolean perfDataOf(long pid) {
        String id = Long.toString(pid);
        return VirtualMachine.list().stream().anyMatch(d -> d.id().equals(id));
    }

    private static String mainClassOf(LocalProcess p) {
        String id = Long.toString(p.pid());
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            if (d.id().equals(id) && !d.displayName().isBlank()) {
                return d.displayName().split(" ")[0];
            }
        }
        return p.mainClass();
    }

    /** One line for the reason attaching failed, from what the Attach API threw. */
    static String why(long pid, Duration timeout, Throwable t) {
        String msg = rootMessage(t);
        if (t instanceof Deadline.TimedOut || msg.contains("doesn't respond") || msg.contains("not responding")) {
            return "pid " + pid + " did not answer the Attach API within " + Durations.format(timeout)
                    + " (frozen, too busy, or attach is disabled in it); it may print a thread dump when it wakes";
        }
        if (t instanceof AttachNotSupportedException || msg.contains("Unable to open socket file")) {
            return "cannot attach to pid " + pid + ": it does not answer the Attach API (started with "
                    + "-XX:+DisableAttachMechanism, or in another container)";
        }
        return "cannot attach to pid " + pid + ": " + msg;
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return (m == null || m.isBlank() ? root.getClass().getSimpleName() : m).replace('\n', ' ').strip();
    }
}
