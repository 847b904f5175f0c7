package dev.threadlab.probe;

import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack of one thread as a person opened it, in the lines jstack would print (state and lock, the
 * frames, the monitors each frame holds, the synchronizers held): what the overlay shows and what a
 * recording keeps.
 *
 * @param tMs when it was read, in the run's time
 */
public record StackSample(long threadId, String threadName, long tMs, List<String> lines) {

    public StackSample {
        lines = List.copyOf(lines);
    }

    /** {@code info} is null when the thread had ended by the time it was asked for. */
    public static StackSample of(long threadId, String threadName, long tMs, ThreadInfo info) {
        return new StackSample(threadId, threadName, tMs, lines(info));
    }

    private static List<String> lines(ThreadInfo info) {
        List<String> out = new ArrayList<>();
        if (info == null) {
            out.add("the thread has ended");
            return out;
        }
        String lock = info.getLockName() == null ? "" : " on " + info.getLockName()
                + (info.getLockOwnerName() == null ? "" : " held by " + info.getLockOwnerName());
        out.add(info.getThreadState() + lock);
        StackTraceElement[] frames = info.getStackTrace();
        MonitorInfo[] monitors = info.getLockedMonitors();
        for (int i = 0; i < frames.length; i++) {
            out.add("  at " + frames[i]);
            for (MonitorInfo m : monitors) {
                if (m.getLockedStackDepth() == i) {
                    out.add("    - locked " + m);
                }
            }
        }
        if (frames.length == 0) {
            out.add("  (no Java frames)");
        }
        LockInfo[] synchronizers = info.getLockedSynchronizers();
        if (synchronizers.length > 0) {
            out.add("holds:");
            for (LockInfo l : synchronizers) {
                out.add("  - " + l);
            }
        }
        return out;
    }
}
