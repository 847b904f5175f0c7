package dev.threadlab.ui.term;

import dev.threadlab.Secrets;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The controlling terminal's line settings, read and set with {@code stty} on {@code /dev/tty}. */
final class Tty {
    static final File DEVICE = new File("/dev/tty");
    private static final String STTY = "/bin/stty";

    private Tty() {
    }

    /** Runs stty with the terminal as its input and returns what it printed. */
    static String stty(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(new File(STTY).canExecute() ? STTY : "stty");
        cmd.addAll(List.of(args));
        Process p = Secrets.withoutSecrets(new ProcessBuilder(cmd)).redirectInput(DEVICE)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("stty did not answer");
            }
            if (p.exitValue() != 0) {
                throw new IOException("stty " + String.join(" ", args) + " failed");
            }
            return new String(out, StandardCharsets.US_ASCII).strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running stty", e);
        }
    }

    /** {@code rows cols}, as {@code stty size} prints them, or null when it cannot tell. */
    static int[] size() {
        try {
            String[] parts = stty("size").split("\\s+");
            int rows = Integer.parseInt(parts[0]);
            int cols = Integer.parseInt(parts[1]);
            return rows > 0 && cols > 0 ? new int[] {rows, cols} : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
