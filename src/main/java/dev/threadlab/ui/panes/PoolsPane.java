package dev.threadlab.ui.panes;

import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;

/** Each pool or bounded queue: workers, active, queued, completed, and a sparkline of the queue depth. */
public final class PoolsPane implements Pane {

    @Override
    public String title(Frame f) {
        return "Pools";
    }

    @Override
    public String summary(Frame f) {
        Snapshot s = f.snapshot();
        if (s == null || s.pools().isEmpty()) {
            return "none";
        }
        PoolSample p = s.pools().get(0);
        return p.name() + " queued " + p.queued() + (s.pools().size() > 1 ? " +" + (s.pools().size() - 1) : "");
    }

    @Override
    public int preferredRows(Frame f, int width) {
        Snapshot s = f.snapshot();
        return s == null || s.pools().isEmpty() ? 0 : 2 * s.pools().size(); // none: fold to the title line
    }

    @Override
    public void render(Frame f, Canvas c, Rect area) {
        Snapshot s = f.snapshot();
        if (s == null || s.pools().isEmpty()) {
            c.line(area, 0, 0, "no pool in this scenario", c.theme().dim());
            return;
        }
        int row = 0;
        for (PoolSample p : s.pools()) {
            if (row >= area.height()) {
                return;
            }
            String workers = p.poolSize() < 0 ? "" : " workers " + p.poolSize() + " active " + p.active()
                    + " max " + p.largest();
            c.line(area, row++, 0, p.name() + workers, c.theme().bold());
            if (row >= area.height()) {
                return;
            }
            String queued = "queued " + p.queued() + (p.capacity() >= 0 ? "/" + p.capacity() : "") + " done "
                    + Format.number(p.completed()) + " ";
            int used = c.line(area, row, 0, queued, c.theme().plain());
            int room = area.width() - used;
            if (room > 3) {
                long[] depths = f.history().depths(p.name(), room);
                long max = p.capacity() > 0 ? p.capacity() : 1;
                for (long d : depths) {
                    max = Math.max(max, d);
                }
                String sparks = c.glyphs().sparks();
                StringBuilder line = new StringBuilder();
                for (long d : depths) {
                    line.append(d == 0 ? ' ' : sparks.charAt((int) Math.min(sparks.length() - 1,
                            (d * (sparks.length() - 1) + max - 1) / max)));
                }
                c.line(area, row, used, line.toString(), c.theme().good());
            }
            row++;
        }
    }
}
