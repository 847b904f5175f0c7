package dev.threadlab.bench;

import dev.threadlab.probe.RunState;
import dev.threadlab.probe.SampleSource;
import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one sampler tick costs with many live threads, next to the bare depth-0 {@code getThreadInfo}
 * it is built on and the {@code dumpAllThreads(true, true)} that tools like jstack pay.
 * Run: {@code mvn -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SamplerTickBenchmark {

    @Param({"1000"})
    int threads;

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> parked = new ArrayList<>();
    private ThreadMXBean mx;
    private Sampler sampler;
    private SampleSource jvmOnly;
    private SampleSource allOwn;

    @Setup(Level.Trial)
    public void startThreads() {
        Object monitor = new Object();
        for (int i = 0; i < threads; i++) {
            // A mix of the states a real program has: parked, in Object.wait, sleeping.
            Runnable body = switch (i % 3) {
                case 0 -> () -> awaitQuietly(release);
                case 1 -> () -> {
                    synchronized (monitor) {
                        try {
                            monitor.wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
                default -> () -> {
                    try {
                        Thread.sleep(3_600_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                };
            };
            Thread t = new Thread(body, "parked-" + i);
            t.setDaemon(true);
            t.start();
            parked.add(t);
        }
        mx = ManagementFactory.getThreadMXBean();
        sampler = new Sampler(mx);
        jvmOnly = SampleSource.jvmOnly();
        allOwn = new OwnThreads(parked);
    }

    @TearDown(Level.Trial)
    public void stopThreads() throws InterruptedException {
        release.countDown();
        parked.forEach(Thread::interrupt);
        for (Thread t : parked) {
            t.join();
        }
        sampler.close();
    }

    /** A tick of a JVM with nothing of ours: over 512 threads, no CPU times are read. */
    @Benchmark
    public Snapshot tickForeignThreads() {
        return sampler.tick(jvmOnly);
    }

    /** A tick where every thread is the scenario's: CPU time for each, in one batched call. */
    @Benchmark
    public Snapshot tickOwnThreads() {
        return sampler.tick(allOwn);
    }

    @Benchmark
    public ThreadInfo[] bareGetThreadInfoDepth0() {
        return mx.getThreadInfo(mx.getAllThreadIds(), 0);
    }

    @Benchmark
    public ThreadInfo[] dumpAllThreads() {
        return mx.dumpAllThreads(true, true);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record OwnThreads(List<Thread> threads) implements SampleSource {
        @Override
        public List<Thread> ownThreads() {
            return threads;
        }

        @Override
        public RunState runState() {
            return new RunState("bench", RunState.Status.RUNNING, 0, false, null, null);
        }
    }
}
