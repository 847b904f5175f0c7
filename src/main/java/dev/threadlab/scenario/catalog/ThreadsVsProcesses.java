package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.ChildJvm;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One small job (add 1 to a counter, many times) done by N threads, then by N child JVMs. It
 * measures what each kind of worker costs to start and in memory, and shows that the threads all
 * add to the one counter of this process while each process adds to a copy of its own.
 *
 * <p>Start-up is from {@code start()} to the worker's first line of its own code. Memory is the
 * resident set ({@code VmRSS}): for threads, how much this JVM's grew with them, per thread; for
 * processes, each child's own, averaged. Both are measured while the workers are alive and idle.
 */
public final class ThreadsVsProcesses implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("threads-vs-processes", List.of(
            ParamSpec.integer("workers", 4, 1, 64, "threads, then processes"),
            ParamSpec.integer("increments", 100_000, 1, 1_000_000_000, "times each worker adds 1 to the counter"),
            ParamSpec.duration("hold", Duration.ofSeconds(2), Duration.ofMinutes(1),
                    "how long the workers stay alive (idle) after their job, to be seen")),
            ThreadsVsProcesses::new);

    /** How long the child JVMs get to start and do the job. */
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    private final int workers;
    private final long increments;
    private final Duration hold;
    /** The counter of this process: the threads share it; a child process only has a copy. */
    private final AtomicLong counter = new AtomicLong();

    ThreadsVsProcesses(Params p) {
        this.workers = p.integer("workers");
        this.increments = p.longValue("increments");
        this.hold = p.duration("hold");
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        AtomicInteger threadsAlive = new AtomicInteger();
        AtomicInteger processesAlive = new AtomicInteger();
        ctx.counter("sharedCounter", counter::get);
        ctx.counter("threadsAlive", threadsAlive::get);
        ctx.counter("processesAlive", processesAlive::get);
        // The comparison, on screen as soon as each side has it (the summary has the same in its maps).
        Map<String, Object> threadsDone = new ConcurrentHashMap<>();
        Map<String, Object> processesDone = new ConcurrentHashMap<>();
        ctx.counter("threadStartMs", () -> (Number) threadsDone.get("startupMs"));
        ctx.counter("procStartMs", () -> (Number) processesDone.get("startupMs"));
        ctx.counter("threadMemKb", () -> (Number) threadsDone.get("memoryKbPerWorker"));
        ctx.counter("procMemKb", () -> (Number) processesDone.get("memoryKbPerWorker"));

        ctx.step("start " + workers + " threads");
        Map<String, Object> threads = withThreads(ctx, threadsAlive);
        threadsDone.putAll(threads);
        ctx.result("threads", threads);
        ctx.print(line("threads", threads));

        // Not reset: the processes each add to a copy of their own, and this one stays where the threads left it.
        ctx.step("start " + workers + " processes");
        Map<String, Object> processes = withProcesses(ctx, processesAlive);
        processesDone.putAll(processes);
        ctx.result("processes", processes);
        ctx.print(line("processes", processes));
        ctx.finding(String.format(Locale.ROOT, "a process: %.0f ms to start, %,d kB; a thread: %.1f ms, %,d kB",
                (Double) processes.get("startupMs"), (Long) processes.get("memoryKbPerWorker"),
                (Double) threads.get("startupMs"), (Long) threads.get("memoryKbPerWorker")));
    }

    private static String line(String kind, Map<String, Object> r) {
        return String.format(Locale.ROOT, "%s: %s ms to start each, %,d kB each, added to our counter %,d", kind,
                r.get("startupMs"), (Long) r.get("memoryKbPerWorker"), (Long) r.get("sharedCounter"));
    }

    private Map<String, Object> withThreads(ScenarioContext ctx, AtomicInteger alive) throws InterruptedException {
        long self = ProcessHandle.current().pid();
        long[] startCalled = new long[workers];
        long[] running = new long[workers];
        CountDownLatch ready = ctx.newLatch("threads up", workers);
        CountDownLatch go = ctx.newLatch("go", 1);
        CountDownLatch done = ctx.newLatch("threads done", workers);
        CountDownLatch release = ctx.newLatch("release", 1);
        List<Thread> team = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int slot = i;
            team.add(ctx.newThread("thread-" + (i + 1), () -> {
                running[slot] = System.nanoTime();
                alive.incrementAndGet();
                try {
                    ready.countDown();
                    go.await(); // all are up before any works: start-up is timed on a quiet machine
                    for (long n = 0; n < increments; n++) {
                        counter.incrementAndGet();
                    }
                    done.countDown();
                    release.await(); // alive and idle, while it is seen
                } catch (InterruptedException e) {
                    // stopped
                } finally {
                    alive.decrementAndGet();
                }
            }));
        }
        long rssBefore = ChildJvm.rssKb(self);
        for (int i = 0; i < workers; i++) {
            startCalled[i] = System.nanoTime();
            team.get(i).start();
        }
        ready.await();
        long rssAfter = ChildJvm.rssKb(self); // right away, before the sampler or the job add their own
        go.countDown();
        done.await();
        ctx.pause(hold);
        release.countDown();
        for (Thread t : team) {
            t.join();
        }
        List<Double> each = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            each.add(round((running[i] - startCalled[i]) / 1e6)); // the latch above makes running[] visible here
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workers", workers);
        r.put("startupMs", mean(each));
        r.put("startupMsEach", each);
        r.put("memoryKbPerWorker", rssBefore < 0 || rssAfter < 0 ? -1L : Math.max(0, rssAfter - rssBefore) / workers);
        r.put("sharedCounter", counter.get());
        r.put("expectedIfShared", workers * increments);
        return r;
    }

    private Map<String, Object> withProcesses(ScenarioContext ctx, AtomicInteger alive) throws InterruptedException {
        long counterBefore = counter.get();
        long[] startCalled = new long[workers];
        long[] running = new long[workers];
        long[] childCounter = new long[workers];
        CountDownLatch done = ctx.newLatch("children done", workers);
        List<Process> children = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int slot = i;
            startCalled[i] = System.nanoTime();
            Process p;
            try {
                p = ctx.startJava(Worker.class, List.of(), List.of(Long.toString(increments)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a child JVM: " + e.getMessage(), e);
            }
            children.add(p);
            alive.incrementAndGet();
            p.onExit().thenRun(alive::decrementAndGet);
            String name = "process-" + (i + 1);
            Thread reader = ctx.newThread("proc-" + (i + 1) + "-output", () -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.equals("started")) {
                            running[slot] = System.nanoTime();
                        } else if (line.startsWith("counter ")) {
                            childCounter[slot] = Long.parseLong(line.substring(8));
                            done.countDown();
                        }
                        ctx.print(name + " (pid " + p.pid() + "): " + line);
                    }
                } catch (IOException | NumberFormatException e) {
                    // destroyed, or not our line: the summary shows what arrived
                }
            });
            readers.add(reader);
            reader.start();
        }
        if (!done.await(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the child JVMs did not finish their job within " + CHILD_TIMEOUT);
        }
        long rssSum = 0;
        for (Process p : children) {
            long kb = ChildJvm.rssKb(p.pid());
            rssSum = kb < 0 || rssSum < 0 ? -1 : rssSum + kb;
        }
        ctx.pause(hold);
        for (Process p : children) {
            try {
                p.getOutputStream().close(); // the child's cue to exit
            } catch (IOException e) {
                p.destroy();
            }
        }
        List<Integer> exits = new ArrayList<>();
        for (Process p : children) {
            exits.add(p.waitFor());
        }
        for (Thread t : readers) {
            t.join();
        }
        List<Double> each = new ArrayList<>();
        List<Long> own = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            each.add(round((running[i] - startCalled[i]) / 1e6));
            own.add(childCounter[i]);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("workers", workers);
        r.put("startupMs", mean(each));
        r.put("startupMsEach", each);
        r.put("memoryKbPerWorker", rssSum < 0 ? -1L : rssSum / workers);
        r.put("sharedCounter", counter.get() - counterBefore); // what the processes added to ours: nothing
        r.put("ownCounters", own);
        r.put("exitCodes", exits);
        return r;
    }

    private static double mean(List<Double> values) {
        return round(values.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    /** The child: {@code increments}. Says it started, does the job on its own counter, then idles until stdin closes. */
    public static final class Worker {
        private static long counter; // each process has its own

        private Worker() {
        }

        public static void main(String[] args) throws IOException {
            System.out.println("started");
            long n = Long.parseLong(args[0]);
            for (long i = 0; i < n; i++) {
                counter++;
            }
            System.out.println("counter " + counter);
            while (System.in.read() >= 0) {
                // idle until the parent closes our stdin (or dies)
            }
        }
    }
}
