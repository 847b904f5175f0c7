package dev.threadlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A private tmux server (its own socket) with one shell window, for driving the real jar as a
 * person would: type a command, press keys, read the screen.
 */
final class Tmux implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("threadlab.jar", "target/threadlab.jar")).toAbsolutePath();
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    final String socket = "threadlab-it-" + UUID.randomUUID().toString().substring(0, 8);
    final String marker = "threadlab.it=" + UUID.randomUUID();
    final Path dir;

    Tmux(Path dir, int width, int height, String term) throws IOException {
        this.dir = dir;
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "it", "-x", Integer.toString(width), "-y",
                Integer.toString(height), "env TERM=" + term + " LANG=C.UTF-8 THREADLAB_LOG=" + dir.resolve("log")
                        + " bash --norc --noprofile");
        tmux("set-option", "-t", "it", "status", "off");
    }

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Types a command line that records the tty settings before and after, and the exit code, around
     * {@code threadlab ARGS}.
     */
    void runThreadlab(String args) throws IOException {
        runThreadlab("", args, "");
    }

    /**
     * The same with options for the JVM before {@code -jar}, and a redirection after the arguments
     * ({@code 2> FILE}, say); the screen is left as the program left it (no clear).
     */
    void runThreadlab(String jvmOptions, String args, String redirect) throws IOException {
        String cmd = "stty -g > " + dir.resolve("stty.before") + "; " + JAVA + " -D" + marker + " " + jvmOptions
                + " -jar " + JAR + " " + args + " " + redirect + "; echo $? > " + dir.resolve("rc") + "; stty -g > "
                + dir.resolve("stty.after") + (redirect.isEmpty() ? "; clear" : "");
        tmux("send-keys", "-t", "it", "-l", cmd);
        tmux("send-keys", "-t", "it", "Enter");
    }

    /** The terminal's modes as tmux keeps them: alternate screen on, cursor shown, mouse reporting on. */
    String modes() throws IOException {
        return tmux("display-message", "-p", "-t", "it", "alternate=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag}")
                .strip();
    }

    /** Types a command line in the window's shell. */
    void type(String line) throws IOException {
        tmux("send-keys", "-t", "it", "-l", line);
        tmux("send-keys", "-t", "it", "Enter");
    }

    void keys(String... keys) throws IOException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "it"));
        args.addAll(List.of(keys));
        tmux(args.toArray(new String[0]));
    }

    void literal(String text) throws IOException {
        tmux("send-keys", "-t", "it", "-l", text);
    }

    String screen() throws IOException {
        return tmux("capture-pane", "-p", "-t", "it");
    }

    void resize(int width, int height) throws IOException {
        tmux("resize-window", "-t", "it", "-x", Integer.toString(width), "-y", Integer.toString(height));
    }

    /** The java process this window started, found by the marker on its command line. */
    Optional<ProcessHandle> java() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .findFirst();
    }

    Optional<Integer> exitCode() throws IOException {
        Path rc = dir.resolve("rc");
        return Files.exists(rc) && Files.size(rc) > 0
                ? Optional.of(Integer.parseInt(Files.readString(rc).strip())) : Optional.empty();
    }

    boolean sttyUnchanged() throws IOException {
        return Files.readString(dir.resolve("stty.before")).equals(Files.readString(dir.resolve("stty.after")));
    }

    void killSession() throws IOException {
        tmux("kill-session", "-t", "it");
    }

    String tmux(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tmux did not answer: " + cmd);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        java().ifPresent(ProcessHandle::destroyForcibly);
        tmux("kill-server");
    }
}
