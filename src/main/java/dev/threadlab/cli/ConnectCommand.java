package dev.threadlab.cli;

import dev.threadlab.UserError;
import dev.threadlab.probe.jvm.RemoteJvms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code threadlab connect HOST:PORT}: a JVM started with -Dcom.sun.management.jmxremote.port=PORT. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Watch a JVM over JMX (RMI), started with the standard com.sun.management.jmxremote options.",
            "The password is read from $THREADLAB_JMX_PASSWORD or --password-file, never from the command line."})
public final class ConnectCommand implements Callable<Integer> {
    static final String PASSWORD_ENV = dev.threadlab.Secrets.PASSWORD_ENV;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "Where the JVM's JMX agent listens.")
    String address;

    @Option(names = "--user", paramLabel = "NAME", description = "User name, when the JVM asks for one.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the password (else $" + PASSWORD_ENV + ").")
    Path passwordFile;

    @Option(names = "--ssl", description = "The JVM's JMX agent uses SSL (trust: -Djavax.net.ssl.trustStore=...).")
    boolean ssl;

    @Mixin
    WatchOptions watch;

    @Mixin
    CatalogOptions catalog;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        int colon = address.lastIndexOf(':');
        int port;
        try {
            port = colon <= 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new UserError("expected HOST:PORT, like 127.0.0.1:9010, got '" + address + "'");
        }
        String host = address.substring(0, colon);
        RemoteJvms.Credentials credentials = credentials();
        int p = port;
        return Watcher.watch("connect", () -> RemoteJvms.connect(host, p, credentials, ssl, watch.timeout), watch, catalog.load(),
                spec.commandLine().getErr());
    }

    private RemoteJvms.Credentials credentials() {
        if (user == null) {
            if (passwordFile != null) {
                throw new UserError("--password-file needs --user NAME");
            }
            return null;
        }
        String password;
        if (passwordFile != null) {
            dev.threadlab.Secrets.checkOwnerOnly(passwordFile);
            try {
                password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new UserError("cannot read the password file " + passwordFile + ": " + e.getMessage());
            }
        } else {
            password = System.getenv(PASSWORD_ENV);
            if (password == null) {
                throw new UserError("--user " + user + " needs a password: set " + PASSWORD_ENV
                        + " or give --password-file FILE");
            }
        }
        return new RemoteJvms.Credentials(user, password);
    }
}
