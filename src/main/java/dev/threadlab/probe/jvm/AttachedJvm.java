package dev.threadlab.probe.jvm;

import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Watched;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Another JVM being watched: it runs until we let go of it, or until the link to it drops. */
public final class AttachedJvm implements Watched {
    private final RemoteSource source;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile RunState.Status status = RunState.Status.RUNNING;
    private volatile String note;

    public AttachedJvm(JvmTarget target) {
        this.source = new RemoteSource(target);
    }

    /** The link dropped: the watch ends as failed, and says why. */
    public void lost(String why) {
        note = why;
        status = RunState.Status.FAILED;
        ended.countDown();
    }

    @Override
    public boolean hasEnded() {
        return ended.getCount() == 0;
    }

    @Override
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean stop(Duration timeout) {
        if (!hasEnded()) {
            status = RunState.Status.STOPPED;
            ended.countDown();
        }
        return true;
    }

    @Override
    public Map<String, Number> counters() {
        return source.counters();
    }

    @Override
    public List<PoolSample> pools() {
        return source.pools();
    }

    @Override
    public RunState runState() {
        RunState r = source.runState();
        return new RunState(r.id(), status, r.elapsedMs(), false, null, note != null ? note : r.note());
    }
}
