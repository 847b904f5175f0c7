package dev.threadlab.target;

import java.lang.management.ManagementFactory;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.jmx.MBeanContainer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A JVM running a real embedded Tomcat and a real Jetty (with its MBeanContainer, as servers that
 * publish over JMX have), each on a free loopback port. Prints "ready" once both serve.
 */
public final class ServersTarget {
    private ServersTarget() {
    }

    public static void main(String[] args) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(java.nio.file.Files.createTempDirectory("tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector(); // makes the default HTTP connector, whose pool Tomcat publishes
        tomcat.start();

        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("jetty-pool");
        Server jetty = new Server(pool);
        jetty.addBean(new MBeanContainer(ManagementFactory.getPlatformMBeanServer()));
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.start();

        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
