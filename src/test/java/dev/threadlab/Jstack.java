package dev.threadlab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code jstack -l} says of a JVM: each thread's state, the lock it waits for and who holds it, the deadlocks. */
record Jstack(Map<String, Thread.State> states, Map<String, String> owners, Map<String, String> deadlockHolders) {
    private static final Pattern HEADER = Pattern.compile("^\"(.+?)\" .*");
    private static final Pattern STATE = Pattern.compile("^\\s+java\\.lang\\.Thread\\.State: (\\w+).*");
    private static final Pattern WAITS = Pattern.compile(
            "^\\s+- (?:waiting to lock|parking to wait for) +<(0x[0-9a-f]+)>.*");
    private static final Pattern HOLDS = Pattern.compile("^\\s+- (?:locked )?<(0x[0-9a-f]+)> \\(a .*");
    private static final Pattern DEADLOCK_WAITER = Pattern.compile("^\"(.+)\":$");
    private static final Pattern HELD_BY = Pattern.compile(".*which is held by \"(.+)\"$");

    static Jstack of(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(), "-l",
                Long.toString(pid)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return parse(out);
    }

    static Jstack parse(String dump) {
        Map<String, Thread.State> states = new HashMap<>();
        Map<String, String> waitsFor = new HashMap<>();
        Map<String, List<String>> holds = new HashMap<>();
        Map<String, String> deadlockHolders = new HashMap<>();
        String current = null;
        boolean inDeadlock = false;
        for (String line : dump.split("\n")) {
            if (line.startsWith("Found one Java-level deadlock")) {
                inDeadlock = true;
                current = null;
                continue;
            }
            if (line.startsWith("Java stack information")) {
                inDeadlock = false;
                continue;
            }
            Matcher m;
            if (inDeadlock) {
                if ((m = DEADLOCK_WAITER.matcher(line)).matches()) {
                    current = m.group(1);
                } else if (current != null && (m = HELD_BY.matcher(line)).matches()) {
                    deadlockHolders.put(current, m.group(1));
                }
                continue;
            }
            if ((m = HEADER.matcher(line)).matches()) {
                current = m.group(1);
                holds.put(current, new ArrayList<>());
            } else if (current != null && (m = STATE.matcher(line)).matches()) {
                states.put(current, Thread.State.valueOf(m.group(1)));
            } else if (current != null && (m = WAITS.matcher(line)).matches()) {
                waitsFor.put(current, m.group(1));
            } else if (current != null && (m = HOLDS.matcher(line)).matches()) {
                holds.get(current).add(m.group(1));
            }
        }
        Map<String, String> owners = new HashMap<>();
        waitsFor.forEach((waiter, address) -> holds.forEach((holder, held) -> {
            if (!holder.equals(waiter) && held.contains(address)) {
                owners.put(waiter, holder);
            }
        }));
        return new Jstack(states, owners, deadlockHolders);
    }
}
