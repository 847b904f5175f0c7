package dev.threadlab.scenario;

import dev.threadlab.probe.OutputLine;
import dev.threadlab.probe.PoolSample;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running scenario is given: its parameters, and the one way to make threads, locks, counters,
 * pools and output lines, so that each is known to the sampler by name from its first moment.
 */
public final class ScenarioContext {
    private static final Logger log = LoggerFactory.getLogger(ScenarioContext.class);

    private final Params params;
    private final long originNanos;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final LockRegistry locks = new LockRegistry();
    private final StepGate gate;
    private final Queue<OutputLine> output = new ConcurrentLinkedQueue<>();
    private final List<Map.Entry<String, Supplier<? extends Number>>> counters = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<String, Supplier<PoolSample>>> pools = new CopyOnWriteArrayList<>();
    private final List<ExecutorService> executors = new CopyOnWriteArrayList<>();
    private final Map<String, Object> results = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final java.util.Set<Thread> abandoned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile String note;
    private volatile boolean stopping;

    ScenarioContext(Params params, long originNanos, boolean stepMode) {
        this.params = params;
        this.originNanos = originNanos;
        this.gate = new StepGate(stepMode);
        locks.byIdentity(gate, "step gate");
    }

    public Params params() {
        return params;
    }

    // ---- threads

    /** A new, unstarted thread that the sampler follows from NEW to TERMINATED. */
    public Thread newThread(String name, Runnable body) {
        return register(new Thread(body, name), false);
    }

    /** The same, as a daemon: the JVM may exit while it still runs. */
    public Thread newDaemonThread(String name, Runnable body) {
        return register(new Thread(body, name), true);
    }

    /** A factory for pools: threads named {@code prefix-1}, {@code prefix-2}, … */
    public ThreadFactory threadFactory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return body -> newThread(prefix + "-" + n.incrementAndGet(), body);
    }

    /** Registers a thread made elsewhere (the run's main thread, a virtual thread). */
    Thread register(Thread t, boolean daemon) {
        t.setDaemon(daemon);
        t.setUncaughtExceptionHandler((th, e) -> {
            failure.compareAndSet(null, e);
            log.error("scenario thread {} failed", th.getName(), e);
        });
        locks.byIdentity(t, "thread '" + t.getName() + "'");
        threads.add(t);
        if (stopping) {
            t.interrupt(); // made after the stop's interrupts went out: it starts with its own
        }
        return t;
    }

    public List<Thread> threads() {
        return List.copyOf(threads);
    }

    /**
     * Marks a thread the scenario knows can never end (blocked on a monitor in a deadlock): the run
     * does not wait for it when stopping, and reports it as left behind. Make such threads daemons.
     */
    public void abandon(Thread t) {
        abandoned.add(t);
    }

    boolean abandoned(Thread t) {
        return abandoned.contains(t);
    }

    // ---- locks

    /** A {@link java.util.concurrent.locks.ReentrantLock} the panes call {@code ReentrantLock 'name'}. */
    public NamedLock newLock(String name, boolean fair) {
        NamedLock lock = new NamedLock(name, fair);
        locks.byQueue(lock.toString(), lock::waiters);
        locks.byOwner(lock.toString(), lock.syncClass(), lock::owner);
        return lock;
    }

    /** An object to {@code synchronized} on, which the panes call {@code monitor 'name'}. */
    public Object newMonitor(String name) {
        Object monitor = new Object();
        locks.byIdentity(monitor, "monitor '" + name + "'");
        return monitor;
    }

    /** A condition of {@code lock}, which the panes call {@code Condition 'name'}. */
    public Condition newCondition(NamedLock lock, String name) {
        Condition c = lock.newCondition();
        locks.byIdentity(c, "Condition '" + name + "' of " + lock.lockName());
        return c;
    }

    /** A {@link java.util.concurrent.Semaphore} the panes call {@code Semaphore 'name'}. */
    public NamedSemaphore newSemaphore(String name, int permits, boolean fair) {
        NamedSemaphore s = new NamedSemaphore(name, permits, fair);
        locks.byQueue(s.toString(), s::waiters);
        return s;
    }

    /** A {@link java.util.concurrent.CountDownLatch} the panes call {@code CountDownLatch 'name'}. */
    public NamedLatch newLatch(String name, int count) {
        NamedLatch latch = new NamedLatch(name, count);
        locks.byQueue(latch.toString(), latch::waiters);
        return latch;
    }

    /** Names an object threads park or wait on directly (a Future, say): the panes show {@code display}. */
    public void nameObject(Object waitedOn, String display) {
        locks.byIdentity(waitedOn, display);
    }

    /** Names a lock-like object whose waiters the JVM reports by a hidden inner object. */
    public void nameByQueue(String display, Supplier<java.util.Collection<Thread>> waiters) {
        locks.byQueue(display, waiters);
    }

    LockRegistry lockRegistry() {
        return locks;
    }

    // ---- what the panes show

    /** A live counter, read at every tick; a supplier may return null while it has no value yet. */
    public void counter(String name, Supplier<? extends Number> value) {
        counters.add(Map.entry(name, value));
    }

    /** The result that holds a lesson's finding: the lesson line shows it, Counters does not repeat it. */
    public static final String FINDING = "finding";

    /**
     * What this run found, in a line the lesson pane shows over the lesson and the summary keeps
     * ("2 threads got 1.1 cores: the machine is busy (…)"): a measured lesson says what it measured.
     */
    public void finding(String text) {
        results.put(FINDING, text);
    }

    /** A value for the summary (a list of results, a per-mode report): anything JSON can hold. */
    public void result(String name, Object value) {
        results.put(name, value);
    }

    /** Shows a pool's gauges; the run shuts it down if the scenario is stopped. */
    public void pool(String name, ThreadPoolExecutor pool) {
        executors.add(pool);
        pools.add(Map.entry(name, () -> {
            int queued = pool.getQueue().size();
            long bound = (long) queued + pool.getQueue().remainingCapacity();
            return new PoolSample(name, pool.getPoolSize(), pool.getActiveCount(), pool.getLargestPoolSize(),
                    queued, pool.getCompletedTaskCount(), bound >= Integer.MAX_VALUE ? -1 : bound);
        }));
    }

    /** Shows any queue-like gauge (a bounded buffer) in the pools pane. */
    public void gauge(String name, Supplier<PoolSample> reading) {
        pools.add(Map.entry(name, reading));
    }

    /** An executor the run must shut down if the scenario is stopped. */
    public <E extends ExecutorService> E managed(E executor) {
        executors.add(executor);
        return executor;
    }

    /**
     * One line for the summary about how the run ended: what it could not undo, or why it did
     * nothing. The last call wins; the run adds its own notes after it.
     */
    public void note(String text) {
        note = text;
    }

    // ---- child processes

    /**
     * Starts a child JVM that runs {@code mainClass} (see {@link ChildJvm}); the run destroys it
     * when the scenario is stopped or ends, so none outlives the run.
     */
    public Process startJava(Class<?> mainClass, List<String> jvmOptions, List<String> args) throws IOException {
        Process p = ChildJvm.builder(mainClass, jvmOptions, args).start();
        processes.add(p);
        if (stopping) {
            p.destroy(); // a stop came while it was starting
        }
        return p;
    }

    /** A line of output, tagged with the thread that printed it. */
    public void print(String text) {
        output.add(new OutputLine(elapsedMs(), Thread.currentThread().getName(), text));
    }

    // ---- pacing

    /**
     * A pause that makes a state last long enough to see; zero runs flat out. Either way it throws
     * if the run is being stopped: a wait that returned normally may have swallowed the stop's
     * interrupt (a join whose thread ended at that moment), and flat out there is no sleep to throw.
     */
    public void pause(Duration d) throws InterruptedException {
        if (stopping) {
            throw new InterruptedException("the run is stopping");
        }
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        }
    }

    /** A named step: in step mode the thread holds here until the step key. */
    public void step(String label) throws InterruptedException {
        if (stopping) {
            throw new InterruptedException("the run is stopping");
        }
        gate.pass(label);
    }

    public boolean stopping() {
        return stopping;
    }

    // ---- for the run

    StepGate gate() {
        return gate;
    }

    long elapsedMs() {
        return (System.nanoTime() - originNanos) / 1_000_000;
    }

    void requestStop() {
        stopping = true;
        gate.setOn(false);
        executors.forEach(ExecutorService::shutdownNow);
        processes.forEach(Process::destroy); // closes their pipes too, so threads reading them wake
    }

    String note() {
        return note;
    }

    /** Ends the child processes still alive: destroy, then destroy forcibly after {@code grace}; returns those left. */
    List<Process> endProcesses(Duration grace) {
        return ChildJvm.end(processes, grace);
    }

    void shutdownExecutors() {
        executors.forEach(ExecutorService::shutdownNow);
    }

    Throwable failure() {
        return failure.get();
    }

    Map<String, Number> readCounters() {
        Map<String, Number> out = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<? extends Number>> c : counters) {
            Number v = c.getValue().get();
            if (v != null) {
                out.put(c.getKey(), v);
            }
        }
        return out;
    }

    List<PoolSample> readPools() {
        List<PoolSample> out = new ArrayList<>(pools.size());
        for (Map.Entry<String, Supplier<PoolSample>> p : pools) {
            out.add(p.getValue().get());
        }
        return out;
    }

    List<OutputLine> drainOutput() {
        List<OutputLine> out = new ArrayList<>();
        for (OutputLine line; (line = output.poll()) != null; ) {
            out.add(line);
        }
        return out;
    }

    Map<String, Object> results() {
        synchronized (results) {
            return new LinkedHashMap<>(results);
        }
    }
}
