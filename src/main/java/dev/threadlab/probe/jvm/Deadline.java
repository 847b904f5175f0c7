package dev.threadlab.probe.jvm;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call that must answer in time. RMI waits for a reply forever by default, and attaching to a JVM
 * that does not answer can hang: each such call runs on a daemon thread we can walk away from.
 */
public final class Deadline {
    private Deadline() {
    }

    /** The call failed, or did not answer in time ({@link TimedOut}); the cause says which. */
    public static class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static final class TimedOut extends Failed {
        private static final long serialVersionUID = 1L;

        TimedOut(String what, Duration limit) {
            super(what + " did not answer within " + limit.toMillis() + " ms", null);
        }
    }

    public static <T> T call(Duration limit, String what, Callable<T> call) throws Failed {
        FutureTask<T> task = new FutureTask<>(call);
        Thread t = new Thread(task, "threadlab-call");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            TimedOut timedOut = new TimedOut(what, limit);
            throw new Failed(timedOut.getMessage(), timedOut);
        } catch (ExecutionException e) {
            throw new Failed(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(what + " was interrupted", e);
        }
    }
}
