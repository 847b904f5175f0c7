package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.MachineLoad;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real blocking I/O: a small server on the loopback interface answers each request after a delay,
 * and clients wait for the answers in socket reads, first one client thread doing every request in
 * turn, then N threads sharing them. A thread blocked in a read uses no CPU, so N threads wait N
 * answers at once and finish about N times sooner. To the JVM such a thread is RUNNABLE, in native
 * code.
 */
public final class IoBound implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("io-bound", List.of(
            ParamSpec.integer("requests", 16, 1, 100_000, "requests made in each run"),
            ParamSpec.integer("threads", 4, 1, 512, "client threads sharing the requests in the second run"),
            ParamSpec.duration("delay", Duration.ofMillis(300), Duration.ofMinutes(1),
                    "how long the server takes to answer one request"),
            ParamSpec.duration("pace", Duration.ofMillis(500), Duration.ofMinutes(1),
                    "pause before each run, so the two show apart")),
            IoBound::new);

    /** No read waits longer than this, whatever happens to the server. */
    private static final int READ_TIMEOUT_MS = 60_000;

    private final int requests;
    private final int threads;
    private final Duration delay;
    private final Duration pace;
    /** Every socket open now, so a stop can close them: a blocked socket read ignores interrupts. */
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    /** CPU time the clients of the run going on got. */
    private final AtomicLong clientCpu = new AtomicLong();
    /** What the machine did during the last timed run. */
    private volatile MachineLoad.Window machine;

    IoBound(Params p) {
        this.requests = p.integer("requests");
        this.threads = p.integer("threads");
        this.delay = p.duration("delay");
        this.pace = p.duration("pace");
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long[] singleNanos = {-1};
        long[] threadedNanos = {-1};
        ctx.counter("requests", () -> requests);
        ctx.counter("answered", done::get); // in the current run
        ctx.counter("singleMs", () -> singleNanos[0] < 0 ? null : singleNanos[0] / 1_000_000);
        ctx.counter("threadedMs", () -> threadedNanos[0] < 0 ? null : threadedNanos[0] / 1_000_000);
        ctx.counter("speedup", () -> singleNanos[0] < 0 || threadedNanos[0] <= 0 ? null
                : Math.round(singleNanos[0] * 100.0 / threadedNanos[0]) / 100.0);
        double[] threadedCores = {-1};
        // The clients' CPU time over the wall time of the threaded run: waiting for an answer costs none.
        ctx.counter("coresUsed", () -> threadedCores[0] < 0 ? null : Math.round(threadedCores[0] * 100) / 100.0);
        try {
            ServerSocket server = new ServerSocket();
            track(server);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            startServer(ctx, server);
            int port = server.getLocalPort();
            ctx.print("server listening on 127.0.0.1:" + port + ", answering each request after "
                    + delay.toMillis() + " ms");

            ctx.pause(pace);
            ctx.step("one client thread makes every request");
            singleNanos[0] = timed(ctx, "client", 1, port, done);
            ctx.print(String.format(Locale.ROOT, "1 thread: %d requests in %,d ms", requests,
                    singleNanos[0] / 1_000_000));
            ctx.pause(pace);
            ctx.step(threads + " client threads share the requests");
            threadedNanos[0] = timed(ctx, "client", threads, port, done);
            ctx.print(String.format(Locale.ROOT, "%d threads: %d requests in %,d ms, speedup %.2f", threads, requests,
                    threadedNanos[0] / 1_000_000, singleNanos[0] / (double) threadedNanos[0]));
            threadedCores[0] = clientCpu.get() / (double) threadedNanos[0];
            ctx.finding(finding(singleNanos[0] / (double) threadedNanos[0], threadedCores[0], machine));
            ctx.pause(pace);
        } catch (IOException e) {
            throw new IllegalStateException("loopback server failed: " + e, e);
        } finally {
            closeAll();
        }
    }

    /** "4 clients finished 4.0x sooner on 0.01 cores: waiting needs no CPU", or why they did not. */
    String finding(double speedup, double cores, MachineLoad.Window m) {
        String got = String.format(Locale.ROOT, "%d clients finished %.1fx sooner on %.2f cores", threads, speedup,
                cores);
        if (speedup >= 0.75 * Math.min(threads, requests)) {
            return got + ": waiting needs no CPU";
        }
        String why = m == null ? "" : m.describe();
        return got + ": the machine is busy" + (why.isEmpty() ? "" : " (" + why + ")");
    }

    /** An accepting thread hands each connection to a pool of named workers, which answer after the delay. */
    private void startServer(ScenarioContext ctx, ServerSocket server) {
        ThreadPoolExecutor workers = new ThreadPoolExecutor(0, 512, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                ctx.threadFactory("srv-worker"));
        ctx.pool("server", workers);
        ctx.newThread("server-accept", () -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Socket s = server.accept();
                    track(s);
                    try {
                        workers.execute(() -> answer(s));
                    } catch (java.util.concurrent.RejectedExecutionException e) {
                        close(s); // the pool is shut: the run is ending
                        throw e;
                    }
                }
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                // closed or shut down: the run is ending
            }
        }).start();
    }

    private void answer(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String request = in.readLine();
            Thread.sleep(delay.toMillis()); // the slow part: a database, a remote service...
            OutputStream out = s.getOutputStream();
            out.write(("answer to " + request + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client or the run went away
        } finally {
            open.remove(s);
        }
    }

    /** {@code requests} requests shared by {@code n} new client threads; the wall time from the start signal to the last answer. */
    private long timed(ScenarioContext ctx, String prefix, int n, int port, AtomicLong done)
            throws InterruptedException {
        done.set(0);
        CountDownLatch go = ctx.newLatch("go", 1);
        clientCpu.set(0);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int first = i;
            clients.add(ctx.newThread(n == 1 ? prefix : prefix + "-" + (i + 1), () -> {
                long cpu = -1;
                try {
                    go.await();
                    cpu = MachineLoad.threadCpuNanos();
                    for (int r = first; r < requests && !Thread.currentThread().isInterrupted(); r += n) {
                        request(port, r);
                        done.incrementAndGet();
                    }
                } catch (InterruptedException | IOException e) {
                    // stopped: the sockets were closed under us
                } finally {
                    if (cpu >= 0) {
                        clientCpu.addAndGet(Math.max(0, MachineLoad.threadCpuNanos() - cpu));
                    }
                }
            }));
        }
        clients.forEach(Thread::start);
        MachineLoad.Reading before = MachineLoad.read();
        go.countDown();
        for (Thread t : clients) {
            t.join();
        }
        MachineLoad.Reading after = MachineLoad.read();
        long took = after.wallNanos() - before.wallNanos();
        machine = MachineLoad.between(before, after, clientCpu.get());
        if (ctx.stopping()) {
            throw new InterruptedException("stopped mid-run: no time to report"); // the threads quit early
        }
        return took;
    }

    private void request(int port, int number) throws IOException {
        try (Socket s = new Socket()) {
            track(s);
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_TIMEOUT_MS);
                s.setSoTimeout(READ_TIMEOUT_MS);
                s.getOutputStream().write(("request " + number + "\n").getBytes(StandardCharsets.UTF_8));
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                if (in.readLine() == null) { // blocked here, in a socket read, while the server works
                    throw new SocketException("no answer");
                }
            } finally {
                open.remove(s);
            }
        }
    }

    /** Remembers a socket to close on the way out; one opened after that is closed at once. */
    private void track(Closeable c) {
        open.add(c);
        if (closing) {
            close(c);
        }
    }

    private void closeAll() {
        closing = true;
        for (Closeable c : open) {
            close(c);
        }
    }

    private static void close(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
