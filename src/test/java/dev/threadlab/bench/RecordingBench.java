package dev.threadlab.bench;

import dev.threadlab.probe.RunState;
import dev.threadlab.probe.SampleSource;
import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.replay.Recording;
import dev.threadlab.replay.ReplaySource;
import dev.threadlab.report.JsonLines;
import dev.threadlab.report.JsonSink;
import dev.threadlab.report.Recorder;
import dev.threadlab.report.RecordingFile;
import dev.threadlab.scenario.ScenarioCatalog;
import dev.threadlab.watch.Engine;
import dev.threadlab.watch.Event;
import dev.threadlab.watch.RunInfo;
import dev.threadlab.watch.Source;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * What --save costs and how fast a replay finds its way, measured (not a test):
 * {@code mvn -Pbench test-compile exec:exec -Dbench.main=dev.threadlab.bench.RecordingBench -Dbench.args="1000 60 100"}
 * records this JVM with 1,000 parked threads at 4 Hz for 60 s (the recording's size, the writer's CPU),
 * then writes a recording of about 100 MB as fast as it can (1,000 threads, a twentieth of them changing
 * state each tick) and times the first frame and seeks in it. A fourth argument names a recording to
 * seek in instead (kept, or written there first).
 */
public final class RecordingBench {
    private RecordingBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int megabytes = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "parked-" + i);
            t.setDaemon(true);
            t.start();
        }
        Path dir = Files.createTempDirectory("threadlab-bench");
        if (seconds > 0) {
            record(dir.resolve("live.jsonl.gz"), threads, seconds);
        }
        // A fourth argument names a recording to seek in, made before: it is kept, not written again.
        Path big = args.length > 3 ? Path.of(args[3]) : dir.resolve("big.jsonl.gz");
        if (!Files.exists(big)) {
            write(big, megabytes);
        }
        seek(big);
        never.countDown();
    }

    /** This JVM, watched live: the engine's real tick, the recorder's CPU on the engine thread. */
    private static void record(Path file, int threads, int seconds) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Sampler sampler = new Sampler(mx);
        SampleSource jvm = SampleSource.jvmOnly();
        RunInfo info = new RunInfo("attach", "this JVM", null, System.getProperty("java.version"));
        Source source = new Source() {
            @Override
            public RunInfo run() {
                return info;
            }

            @Override
            public Snapshot sample() {
                return sampler.tick(jvm);
            }

            @Override
            public StackSample stack(long threadId, String threadName) {
                return null;
            }

            @Override
            public void stop(Duration deadline) {
            }

            @Override
            public void close() {
                sampler.close();
            }
        };
        Recorder recorder = Recorder.open(file, System.err::println);
        long[] cpu = new long[1];
        long[] ticks = new long[1];
        Engine engine = new Engine(source, new Engine.Settings(Duration.ofMillis(250), Duration.ofSeconds(seconds),
                null, false));
        engine.add(e -> {
            long before = mx.getCurrentThreadCpuTime();
            recorder.on(e);
            cpu[0] += mx.getCurrentThreadCpuTime() - before;
            if (e instanceof Event.Sampled) {
                ticks[0]++;
            }
        });
        long start = System.nanoTime();
        engine.start();
        engine.awaitOver(Duration.ofSeconds(seconds + 30));
        long wall = System.nanoTime() - start;
        engine.close();
        long size = Files.size(file);
        System.out.printf("live: %d threads, %d ticks in %.0f s at 4 Hz: %,d bytes gzipped (%.1f MB for 10 minutes);"
                + " writer %.0f ms CPU = %.2f%% of a core%n", threads + 20, ticks[0], wall / 1e9, size,
                size * 600.0 / seconds / 1e6, cpu[0] / 1e6, cpu[0] * 100.0 / wall);
    }

    /** A recording of about {@code megabytes} MB, written flat out. */
    private static void write(Path file, int megabytes) throws Exception {
        List<ThreadSample> base = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            base.add(new ThreadSample(100 + i, "worker-" + i, Thread.State.WAITING, dev.threadlab.probe.Cause.PARKED,
                    false, false, "CountDownLatch@" + i, -1, null, 3, 0, 5, 0, 0, 0, -1, -1));
        }
        Random random = new Random(42);
        RecordingFile out = RecordingFile.create(file);
        JsonLines json = new JsonLines(out, false);
        JsonSink sink = new JsonSink(json, true, out::startMember, e -> {
            throw e;
        });
        RunInfo info = new RunInfo("attach", "synthetic", null, "17");
        sink.on(new Event.Began(1, info, 0, 250));
        long t = 0;
        List<ThreadSample> now = new ArrayList<>(base);
        while (Files.size(file) < megabytes * 1_000_000L) {
            for (int k = 0; k < 200; k++) {
                t += 250;
                for (int i = 0; i < now.size(); i++) {
                    ThreadSample s = now.get(i);
                    boolean flips = random.nextInt(20) == 0;
                    Thread.State state = flips ? (s.state() == Thread.State.WAITING ? Thread.State.RUNNABLE
                            : Thread.State.WAITING) : s.state();
                    // A wait's time is added when it ends (as HotSpot counts it): only the threads that moved change.
                    now.set(i, new ThreadSample(s.id(), s.name(), state, s.cause(), false, false, s.lock(), -1, null,
                            s.blockedCount(), s.blockedTimeMs(), s.waitedCount() + (flips ? 1 : 0),
                            s.waitedTimeMs() + (flips ? 250 + random.nextInt(3) : 0), 0, flips ? 1 : 0, -1, -1));
                }
                sink.on(new Event.Sampled(1, new Snapshot(t, now, List.of(), java.util.Map.of("t", t),
                        java.util.Map.of(), List.of(), List.of(), new RunState("synthetic", RunState.Status.RUNNING, t,
                                false, null, null), 500, now.size())));
            }
        }
        sink.on(new Event.Over(1));
        out.close();
    }

    /** The first frame of a recording and seeks in it, timed. */
    private static void seek(Path file) throws Exception {
        Random random = new Random(7);
        long size = Files.size(file);

        long open = System.nanoTime();
        Recording r = Recording.open(file);
        ReplaySource source = new ReplaySource(r, new ScenarioCatalog(List.of()));
        source.run();
        Snapshot first = source.sample();
        long firstFrame = System.nanoTime() - open;
        r.awaitIndexed();
        long indexed = System.nanoTime() - open;
        int ticks = r.ticks();
        long[] seeks = new long[20];
        long[] cpus = new long[20];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < seeks.length; i++) {
            long target = 1 + random.nextInt(ticks);
            long s = System.nanoTime();
            long c = mx.getCurrentThreadCpuTime();
            source.step((int) (target - source.playback().tick()));
            while (source.behind()) {
                source.sample();
            }
            seeks[i] = System.nanoTime() - s;
            cpus[i] = mx.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(seeks);
        Arrays.sort(cpus);
        System.out.printf("seek: %,d bytes, %,d ticks of 1,000 threads; first frame %.0f ms (tick %d), index done in"
                + " %.0f ms; 20 seeks (with %d ticks of history each): median %.0f ms, max %.0f ms (CPU median %.0f ms,"
                + " max %.0f ms)%n", size, ticks, firstFrame / 1e6, first == null ? 0 : 1, indexed / 1e6,
                128, seeks[10] / 1e6, seeks[19] / 1e6, cpus[10] / 1e6, cpus[19] / 1e6);
        source.close();
    }
}
