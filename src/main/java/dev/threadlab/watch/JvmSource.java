package dev.threadlab.watch;

import dev.threadlab.probe.RunState;
import dev.threadlab.probe.SampleSource;
import dev.threadlab.probe.Sampler;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.StackSample;
import dev.threadlab.probe.jvm.JvmTarget;
import dev.threadlab.probe.jvm.Links;
import dev.threadlab.probe.jvm.RemoteSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Another JVM, reached by pid or over JMX: sampled through a proxy of its {@code ThreadMXBean}, with the
 * counters and pools it publishes. A dropped link is a {@link LinkLost}; {@link #reconnect} reaches it
 * again the way it was reached first.
 */
public final class JvmSource implements Source {

    /** The JVM once reached: what to sample it with, and how to let go of it. */
    public record Link(JvmTarget target, Sampler sampler) {
        void close() {
            try {
                sampler.close();
            } catch (RuntimeException e) {
                // the JVM is gone: nothing to put back
            }
            target.close();
        }
    }

    private final String kind;
    private final Supplier<Link> reach;
    private Link link;
    private RemoteSource remote;
    private RunInfo info;
    private volatile boolean stopped;

    /**
     * @param kind  {@code attach} or {@code connect}
     * @param first the link made already (its errors were the user's to see before anything started)
     * @param reach makes the link again; throws with one line when it cannot
     */
    public JvmSource(String kind, Link first, Supplier<Link> reach) {
        this.kind = kind;
        this.reach = reach;
        use(first);
    }

    private void use(Link l) {
        link = l;
        remote = new RemoteSource(l.target());
        info = new RunInfo(kind, l.target().label(), null, l.target().javaVersion());
    }

    /** The JVM-wide switches the sampler turned on there (they go back off when it lets go). */
    public List<String> switchedOn() {
        return link.sampler().switchedOn();
    }

    @Override
    public RunInfo run() {
        return info;
    }

    @Override
    public Snapshot sample() {
        try {
            return link.sampler().tick(stopped ? new Stopped(remote) : remote);
        } catch (RuntimeException e) {
            throw new LinkLost(Links.reason(e), e);
        }
    }

    @Override
    public StackSample stack(long threadId, String threadName) {
        try {
            // Held j.u.c. locks are never asked of a JVM we only watch: finding them scans its whole heap.
            return StackSample.of(threadId, threadName, remote.runState().elapsedMs(),
                    link.sampler().stackOf(threadId, false));
        } catch (RuntimeException e) {
            return new StackSample(threadId, threadName, remote.runState().elapsedMs(),
                    List.of("no stack: " + Links.reason(e)));
        }
    }

    @Override
    public void focusCpu(Set<Long> threadIds) {
        link.sampler().setCpuFocus(threadIds);
    }

    @Override
    public void stop(Duration deadline) {
        stopped = true;
    }

    @Override
    public boolean reconnect() {
        link.close();
        use(reach.get());
        return true;
    }

    @Override
    public void close() {
        link.close();
    }

    /** The watched JVM after we let go: the same readings, with the watch's status as stopped. */
    private record Stopped(SampleSource remote) implements SampleSource {
        @Override
        public RunState runState() {
            RunState r = remote.runState();
            return new RunState(r.id(), RunState.Status.STOPPED, r.elapsedMs(), false, null, r.note());
        }

        @Override
        public java.util.Map<String, Number> counters() {
            return remote.counters();
        }

        @Override
        public List<dev.threadlab.probe.PoolSample> pools() {
            return remote.pools();
        }
    }
}
