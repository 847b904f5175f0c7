package dev.threadlab.probe.jvm;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.threadlab.UserError;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** The local JVMs this user can attach to, this one left out. */
    public static List<Jvm> list() {
        long self = ProcessHandle.current().pid();
        List<Jvm> out = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            long pid;
            try {
                pid = Long.parseLong(d.id());
            } catch (NumberFormatException e) {
                continue;
            }
            if (pid == self) {
                continue;
            }
            Duration up = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                    .map(start -> Duration.between(start, Instant.now())).orElse(null);
            String name = d.displayName().isBlank() ? "(unknown main class)" : d.displayName();
            out.add(new Jvm(pid, name, up));
        }
        return out;
    }

    /**
     * Attaches to {@code pid} and connects to its management agent.
     *
     * @throws UserError with one line that says what went wrong (gone, another user, attach disabled)
     */
    public static JvmTarget attach(long pid, Duration timeout) {
        if (pid == ProcessHandle.current().pid()) {
            throw new UserError("pid " + pid + " is this threadlab itself: give the pid of another JVM");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            throw new UserError("no process with pid " + pid + " (it may have ended; 'threadlab attach' lists "
                    + "the JVMs you can attach to)");
        }
        String owner = process.get().info().user().orElse(null);
        String me = System.getProperty("user.name");
        String address;
        try {
            address = Deadline.call(timeout, "attaching to pid " + pid, () -> {
                VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
                try {
                    return vm.startLocalManagementAgent();
                } finally {
                    vm.detach();
                }
            });
        } catch (Deadline.Failed e) {
            throw new UserError(why(pid, owner, me, e.getCause()), e.getCause());
        }
        String label = "pid " + pid + " (" + mainClassOf(pid) + ")";
        try {
            JMXConnector connector = Deadline.call(timeout, "connecting to pid " + pid,
                    () -> JMXConnectorFactory.connect(new JMXServiceURL(address)));
            return new JvmTarget(label, connector);
        } catch (Deadline.Failed | IOException e) {
            throw new UserError("attached to pid " + pid + " but could not connect to its management agent: "
                    + rootMessage(e));
        }
    }

    private static String mainClassOf(long pid) {
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            if (d.id().equals(Long.toString(pid))) {
                return d.displayName().isBlank() ? "unknown main class" : d.displayName().split(" ")[0];
            }
        }
        return "unknown main class";
    }

    /** One line for the reason attaching failed, from what the Attach API threw. */
    static String why(long pid, String owner, String me, Throwable t) {
        String msg = rootMessage(t);
        if (owner != null && me != null && !owner.equals(me) && !me.equals("root")) {
            return "cannot attach to pid " + pid + ": it runs as '" + owner + "' and you are '" + me
                    + "' (attach as that user, e.g. sudo -u " + owner + " ...)";
        }
        if (t instanceof AttachNotSupportedException || msg.contains("not responding")
                || msg.contains("Unable to open socket file")) {
            return "cannot attach to pid " + pid + ": it does not answer the Attach API (not a HotSpot JVM, "
                    + "started with -XX:+DisableAttachMechanism, or in another container)";
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
