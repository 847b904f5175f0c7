package dev.threadlab.ui.panes;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per lock that someone waits for: who holds it and who waits, with counts and times; a deadlock as its cycle. */
public final class LockWaitsPane implements Pane {

    @Override
    public String title(Frame f) {
        return "Lock waits";
    }

    @Override
    public String summary(Frame f) {
        Snapshot s = f.snapshot();
        if (s == null) {
            return "";
        }
        if (!s.deadlocked().isEmpty()) {
            return "DEADLOCK";
        }
        int locks = waits(f).size();
        return locks == 0 ? "none" : locks + " waited for";
    }

    @Override
    public int preferredRows(Frame f, int width) {
        return lines(f, "->", width).size(); // nothing to show: the pane folds to its title line
    }

    /** Waiters grouped by the lock they wait for, among the threads on screen. */
    private static Map<String, List<ThreadSample>> waits(Frame f) {
        Map<String, List<ThreadSample>> byLock = new LinkedHashMap<>();
        for (ThreadSample t : f.rows()) {
            // Owned locks and monitors anywhere; owner-less waits (semaphores, conditions, latches) of ours.
            if (t.lock() != null && t.alive() && (t.lockOwnerId() >= 0 || t.state() == Thread.State.BLOCKED
                    || t.scenario() && !t.lock().startsWith("thread '"))) { // a join is no lock wait
                byLock.computeIfAbsent(t.lock(), k -> new ArrayList<>()).add(t);
            }
        }
        return byLock;
    }

    private record Line(String text, int style) {
        static final int PLAIN = 0;
        static final int DIM = 1;
        static final int ALARM = 2;
    }

    private static List<Line> lines(Frame f, String arrow, int width) {
        List<Line> out = new ArrayList<>();
        Snapshot s = f.snapshot();
        if (s == null) {
            return out;
        }
        for (DeadlockCycle cycle : DeadlockCycle.of(s)) {
            out.add(new Line(width >= 44 ? "DEADLOCK, found by findDeadlockedThreads():" : "DEADLOCK:", Line.ALARM));
            for (DeadlockCycle.Link l : cycle.links()) {
                String link = l.thread().name() + " holds " + l.holds() + ", wants " + l.wants();
                String full = link + " " + arrow + " " + l.next();
                out.add(new Line(full.length() <= width ? full : link, Line.ALARM));
            }
            out.add(new Line(width >= 40 ? "each waits for the next: none can go on" : "none can go on", Line.DIM));
        }
        for (Map.Entry<String, List<ThreadSample>> w : waits(f).entrySet()) {
            ThreadSample first = w.getValue().get(0);
            int n = w.getValue().size();
            String held = first.lockOwner() != null ? w.getKey() + " held by " + first.lockOwner()
                    : w.getKey() + ": " + n + " waiting";
            String owner = first.lockOwner() != null ? "held by " + first.lockOwner() : n + " waiting, no owner";
            if (held.length() <= width) {
                out.add(new Line(held, Line.PLAIN));
            } else {
                out.add(new Line(w.getKey(), Line.PLAIN));
                out.add(new Line("  " + owner, Line.PLAIN));
            }
            for (ThreadSample t : w.getValue()) {
                long count = t.state() == Thread.State.BLOCKED ? t.blockedCount() : t.waitedCount();
                long ms = t.state() == Thread.State.BLOCKED ? t.blockedTimeMs() : t.waitedTimeMs();
                String state = t.state().name().toLowerCase(java.util.Locale.ROOT);
                String times = Format.number(count) + "x " + Format.millis(ms);
                String line = "  " + t.name() + " " + state + " " + times;
                out.add(new Line(line.length() <= width ? line : "  " + t.name() + " " + times, Line.DIM));
            }
        }
        return out;
    }

    @Override
    public void render(Frame f, Canvas c, Rect area) {
        List<Line> lines = lines(f, c.glyphs().arrowRight(), area.width());
        if (lines.isEmpty()) {
            c.line(area, 0, 0, "no thread waits for a lock", c.theme().dim());
            return;
        }
        for (int i = 0; i < area.height() && i < lines.size(); i++) {
            Line l = lines.get(i);
            c.line(area, i, 0, l.text(), switch (l.style()) {
                case Line.ALARM -> c.theme().alarm();
                case Line.DIM -> c.theme().dim();
                default -> c.theme().plain();
            });
        }
    }
}
