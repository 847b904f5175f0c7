package dev.threadlab.probe.jvm;

import dev.threadlab.UserError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.net.ssl.SSLException;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/** A JVM started with the standard {@code com.sun.management.jmxremote.*} options, reached over JMX/RMI. */
public final class RemoteJvms {
    private RemoteJvms() {
    }

    /** A user name and its password (read from a file or the environment, never the command line). */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[" + user + "]"; // never the password
        }
    }

    /**
     * @param credentials null when the JVM needs none
     * @param ssl         the registry and connections use SSL (trust as set by javax.net.ssl.* properties)
     * @throws UserError with one line naming what went wrong
     */
    public static JvmTarget connect(String host, int port, Credentials credentials, boolean ssl, Duration timeout) {
        String where = host + ":" + port;
        Map<String, Object> env = new HashMap<>();
        if (credentials != null) {
            env.put(JMXConnector.CREDENTIALS, new String[] {credentials.user(), credentials.password()});
        }
        if (ssl) {
            env.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
        }
        try {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + host + ":" + port + "/jmxrmi");
            JMXConnector connector = Deadline.call(timeout, "connecting to " + where,
                    () -> JMXConnectorFactory.connect(url, env));
            return new JvmTarget(where, connector);
        } catch (Deadline.Failed | IOException e) {
            throw new UserError(why(where, credentials, ssl, e instanceof Deadline.Failed ? e.getCause() : e), e);
        }
    }

    /** One line for why a connection failed. */
    static String why(String where, Credentials credentials, boolean ssl, Throwable t) {
        String msg = LocalJvms.rootMessage(t);
        if (t instanceof Deadline.TimedOut) {
            return "cannot connect to " + where + ": no answer within the time limit (a firewall, or not a JMX port?)";
        }
        if (has(t, UnknownHostException.class)) {
            return "cannot connect to " + where + ": unknown host";
        }
        if (has(t, ConnectException.class)) {
            return "cannot connect to " + where + ": connection refused (is the JVM started with "
                    + "-Dcom.sun.management.jmxremote.port=" + where.substring(where.lastIndexOf(':') + 1) + "?)";
        }
        if (has(t, SecurityException.class)) {
            if (credentials == null) {
                return "cannot connect to " + where + ": it needs a user and password (--user NAME, with the password "
                        + "in THREADLAB_JMX_PASSWORD or --password-file FILE)";
            }
            return "cannot connect to " + where + ": authentication failed for user '" + credentials.user() + "'";
        }
        if (has(t, SSLException.class) || msg.contains("non-JRMP server") || msg.contains("SSL")) {
            return "cannot connect to " + where + ": SSL does not match (" + msg + "); "
                    + (ssl ? "try without --ssl" : "try --ssl") + ", with the trust store in -Djavax.net.ssl.trustStore";
        }
        return "cannot connect to " + where + ": " + msg;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (kind.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
