package dev.threadlab.scenario;

import dev.threadlab.probe.LockNames;
import dev.threadlab.probe.OutputLine;
import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.RunState.Status;
import dev.threadlab.probe.SampleSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one scenario: starts it on its own {@code main} thread, reports its state to the
 * sampler, and stops it on request: interrupt every thread it made, shut its pools, join them
 * with a deadline, and say what (if anything) would not end.
 */
public final class ScenarioRun implements SampleSource {
    private static final Logger log = LoggerFactory.getLogger(ScenarioRun.class);
    /** How long a run waits for its threads to end once asked, or once its main thread returns. */
    static final Duration REAP_TIMEOUT = Duration.ofSeconds(2);

    private final ScenarioEntry entry;
    private final ScenarioContext ctx;
    private final long originNanos;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Status status = Status.RUNNING;
    private volatile String note;
    private volatile long endNanos;
    private volatile Thread main;

    private ScenarioRun(ScenarioEntry entry, boolean stepMode) {
        this.entry = entry;
        this.originNanos = System.nanoTime();
        this.ctx = new ScenarioContext(entry.params(), originNanos, stepMode);
    }

    /** Starts the entry's scenario; its threads appear in the next sample. */
    public static ScenarioRun start(ScenarioEntry entry, boolean stepMode) {
        ScenarioRun run = new ScenarioRun(entry, stepMode);
        Scenario scenario = entry.type().create(entry.params());
        Thread main = run.ctx.register(new Thread(() -> run.drive(scenario), "main"), false);
        run.main = main;
        main.start();
        if (dev.threadlab.Faults.anyInScenario()) {
            run.ctx.newDaemonThread("fault", dev.threadlab.Faults::inScenarioThread).start();
        }
        return run;
    }

    public static ScenarioRun start(ScenarioEntry entry) {
        return start(entry, false);
    }

    private void drive(Scenario scenario) {
        Status outcome;
        try {
            scenario.run(ctx);
            outcome = ctx.stopping() ? Status.STOPPED : Status.FINISHED;
        } catch (InterruptedException e) {
            outcome = Status.STOPPED;
        } catch (RuntimeException | Error e) {
            log.error("scenario {} failed", entry.id(), e);
            note = "failed: " + e;
            outcome = Status.FAILED;
        }
        Thread.interrupted(); // a stop's interrupt may land after run() returned: the waits below must still wait
        ctx.shutdownExecutors();
        List<Process> processesLeft = ctx.endProcesses(REAP_TIMEOUT);
        List<Thread> left = reap(ctx);
        Throwable failure = ctx.failure();
        if (failure != null && outcome != Status.FAILED) {
            note = "a thread failed: " + failure;
            outcome = Status.FAILED;
        }
        List<String> notes = new ArrayList<>();
        if (note != null) {
            notes.add(note);
        }
        if (ctx.note() != null) {
            notes.add(ctx.note());
        }
        if (!left.isEmpty()) {
            notes.add(left.size() + " thread(s) could not be stopped: " + names(left));
        }
        if (!processesLeft.isEmpty()) {
            notes.add(processesLeft.size() + " child process(es) could not be stopped: pid "
                    + String.join(", ", processesLeft.stream().map(p -> Long.toString(p.pid())).toList()));
        }
        if (!left.isEmpty() || !processesLeft.isEmpty()) {
            log.warn("scenario {}: {}", entry.id(), notes);
        }
        note = notes.isEmpty() ? null : String.join("; ", notes);
        endNanos = System.nanoTime();
        status = outcome;
        ended.countDown();
    }

    /**
     * Interrupts the threads still alive (all but the caller) and joins them under one deadline. The
     * caller is main, which a stop may interrupt at any moment, even now: such an interrupt must not
     * cut the joins short, or threads about to end would be reported as left behind.
     */
    private static List<Thread> reap(ScenarioContext ctx) {
        long deadline = System.nanoTime() + REAP_TIMEOUT.toNanos();
        List<Thread> left = new ArrayList<>();
        for (Thread t : ctx.threads()) {
            if (t == Thread.currentThread() || !t.isAlive()) {
                continue;
            }
            t.interrupt();
            if (ctx.abandoned(t)) {
                left.add(t); // the scenario knows it can never end: no use waiting
                continue;
            }
            long wait;
            while (t.isAlive() && (wait = deadline - System.nanoTime()) > 0) {
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                } catch (InterruptedException e) {
                    // the stop's interrupt reached main late: keep waiting
                }
            }
            if (t.isAlive()) {
                left.add(t);
            }
        }
        return left;
    }

    private static String names(List<Thread> threads) {
        return String.join(", ", threads.stream().map(Thread::getName).toList());
    }

    /**
     * Asks the scenario to stop and waits up to {@code timeout} for it to end.
     *
     * @return true if the run has ended
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        if (ended.getCount() > 0) {
            ctx.requestStop();
            for (Thread t : ctx.threads()) {
                t.interrupt();
            }
        }
        return awaitEnd(timeout);
    }

    /** Waits for the run to end, its own main thread included; true if it did within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        // main counts down as its last act: wait out the moment it takes to end, so that an ended run has no live main.
        Thread m = main;
        if (m != null && m != Thread.currentThread()) {
            m.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return true;
    }

    /** True once the run has ended: its threads reaped, its status and note final. */
    public boolean hasEnded() {
        return ended.getCount() == 0;
    }

    public ScenarioEntry entry() {
        return entry;
    }

    public Status status() {
        return status;
    }

    /** Values the scenario set for its summary, in the order it set them. */
    @Override
    public Map<String, Object> results() {
        return ctx.results();
    }

    // ---- step mode

    public void setStepMode(boolean on) {
        ctx.gate().setOn(on);
    }

    /** Opens the next gate; false when no thread waits at one. */
    public boolean step() {
        return ctx.gate().step();
    }

    // ---- SampleSource

    @Override
    public List<Thread> ownThreads() {
        return ctx.threads();
    }

    @Override
    public LockNames lockNames() {
        return ctx.lockRegistry();
    }

    @Override
    public Map<String, Number> counters() {
        return ctx.readCounters();
    }

    @Override
    public List<PoolSample> pools() {
        return ctx.readPools();
    }

    @Override
    public List<OutputLine> drainOutput() {
        return ctx.drainOutput();
    }

    @Override
    public RunState runState() {
        Status now = status; // set last: once it says ended, the note and the end time are final
        long end = now.ended() ? endNanos : System.nanoTime();
        StepGate gate = ctx.gate();
        return new RunState(entry.id(), now, (end - originNanos) / 1_000_000, gate.isOn(), gate.next(), note);
    }
}
