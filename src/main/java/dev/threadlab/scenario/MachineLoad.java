package dev.threadlab.scenario;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the machine gave a lesson that measures speed: the cores there are, the CPU time this process
 * and its threads got, and how much other work took meanwhile (from {@code /proc/stat} where there is
 * one, else the load average). A speed-up means little without it: on a busy machine two threads
 * may get one core between them.
 */
public final class MachineLoad {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private MachineLoad() {
    }

    /** The calling thread's CPU time in nanoseconds, or -1 where the JVM cannot tell. */
    public static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** One reading of the clocks, to compare with a later one. */
    public record Reading(long wallNanos, long processCpuNanos, long machineBusy, long machineTotal, int machineCpus) {
    }

    public static Reading read() {
        long busy = -1;
        long total = -1;
        int cpus = 0;
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            for (String line : lines) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    total = 0;
                    for (int i = 1; i < f.length && i <= 8; i++) { // user..steal; guest is inside user already
                        total += Long.parseLong(f[i]);
                    }
                    busy = total - Long.parseLong(f[4]) - Long.parseLong(f[5]); // less idle and iowait
                } else if (line.startsWith("cpu")) {
                    cpus++;
                }
            }
        } catch (IOException | RuntimeException e) {
            busy = -1; // not Linux, or not readable: the load average will have to do
        }
        long process = OS instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        return new Reading(System.nanoTime(), process, busy, total, cpus);
    }

    /**
     * Between two readings: the cores this JVM's lesson could use, and how many other work kept busy.
     *
     * @param cores         what the JVM may use ({@code availableProcessors})
     * @param busyElsewhere cores' worth of CPU that other processes (and other work in this one) took
     *                      meanwhile; NaN where it cannot tell
     * @param loadAverage   the system's one-minute load average, or a negative number where there is none
     */
    public record Window(int cores, double busyElsewhere, double loadAverage) {

        /** Cores a lesson's threads could have had: the JVM's, less what other work took. */
        public double spare() {
            return Double.isNaN(busyElsewhere) ? Double.NaN : Math.max(0, cores - busyElsewhere);
        }

        /** "others took 0.9" (cores' worth), or the load average where that is all there is, or empty. */
        public String describe() {
            if (!Double.isNaN(busyElsewhere)) {
                return String.format(Locale.ROOT, "others took %.1f", busyElsewhere);
            }
            return loadAverage < 0 ? "" : String.format(Locale.ROOT, "load %.1f", loadAverage);
        }
    }

    /**
     * The window from {@code start} to {@code end}, given the CPU time the lesson's own threads got in
     * it (the rest of this process, the sampler and the JIT, counts as other work).
     */
    public static Window between(Reading start, Reading end, long lessonCpuNanos) {
        int cores = Runtime.getRuntime().availableProcessors();
        double elsewhere = Double.NaN;
        long total = end.machineTotal() - start.machineTotal();
        long wall = end.wallNanos() - start.wallNanos();
        if (start.machineBusy() >= 0 && end.machineBusy() >= 0 && total > 0 && wall > 0 && lessonCpuNanos >= 0) {
            double machineBusyCores = (end.machineBusy() - start.machineBusy()) * (double) end.machineCpus() / total;
            double lessonCores = lessonCpuNanos / (double) wall;
            elsewhere = Math.max(0, Math.min(cores, machineBusyCores - lessonCores));
        }
        return new Window(cores, elsewhere, OS.getSystemLoadAverage());
    }
}
