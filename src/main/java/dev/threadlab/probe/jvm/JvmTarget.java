package dev.threadlab.probe.jvm;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;

/**
 * Another JVM, reached over JMX (by attaching to its pid, or at a host and port): its MBean server,
 * and a proxy to its {@link ThreadMXBean} that the same {@code Sampler} reads as it reads its own.
 */
public final class JvmTarget implements AutoCloseable {
    private final String label;
    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final ThreadMXBean threads;

    JvmTarget(String label, JMXConnector connector) throws IOException {
        this.label = label;
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
        // The com.sun.management flavour, so CPU times come in one batched call.
        this.threads = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.THREAD_MXBEAN_NAME,
                com.sun.management.ThreadMXBean.class);
    }

    /** "pid 4242 (com.example.Main)" or "db1:9010": what the header calls it. */
    public String label() {
        return label;
    }

    /** The JVM's version ({@code 17.0.15+6}), as its runtime bean says, or "unknown". */
    public String javaVersion() {
        try {
            Object v = mbeans.getAttribute(new javax.management.ObjectName(ManagementFactory.RUNTIME_MXBEAN_NAME),
                    "VmVersion");
            return String.valueOf(v);
        } catch (IOException | javax.management.JMException | RuntimeException e) {
            return "unknown";
        }
    }

    public MBeanServerConnection mbeans() {
        return mbeans;
    }

    public ThreadMXBean threads() {
        return threads;
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException | RuntimeException e) {
            // The link is gone already.
        }
    }
}
