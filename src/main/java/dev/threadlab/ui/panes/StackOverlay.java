package dev.threadlab.ui.panes;

import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Rect;
import dev.threadlab.ui.ViewState;
import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;

/** The stack of the thread the user opened, read only then; with the locks it holds. */
public final class StackOverlay {

    /** The lines of a stack, as jstack prints them, with the locks each frame holds. */
    public static List<String> lines(ThreadInfo info) {
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

    public void render(Canvas c, Rect screen, ViewState view) {
        Rect box = Overlays.centred(screen, screen.width() - 4, screen.height() - 4, c);
        c.box(box, "Stack of " + view.stackThreadName(), "Esc closes, arrows scroll", true);
        Rect in = box.inner();
        if (view.stackLoading()) {
            c.line(in, 0, 1, "reading the stack…", c.theme().dim());
            return;
        }
        List<String> lines = lines(view.stack());
        int top = Math.max(0, Math.min(view.stackTop(), lines.size() - in.height()));
        for (int i = 0; i < in.height() && top + i < lines.size(); i++) {
            c.line(in, i, 1, lines.get(top + i), i + top == 0 ? c.theme().bold() : c.theme().plain());
        }
    }
}
