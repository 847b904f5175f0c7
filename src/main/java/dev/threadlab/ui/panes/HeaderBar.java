package dev.threadlab.ui.panes;

import dev.threadlab.Durations;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.Snapshot;
import dev.threadlab.ui.Canvas;
import dev.threadlab.ui.Frame;
import dev.threadlab.ui.Rect;
import dev.threadlab.watch.Playback;

/** The top line: which scenario, whether it runs, for how long, how often we sample, and what that costs. */
public final class HeaderBar {

    /** Parameters set away from the catalogue's values (by --set or an autopilot), as " lock=synchronized". */
    static String changedParams(Frame f) {
        StringBuilder out = new StringBuilder();
        f.catalog().find(f.entry().id()).ifPresent(base -> f.entry().params().asMap().forEach((k, v) -> {
            if (!v.equals(base.params().asMap().get(k))) {
                out.append(' ').append(k).append('=').append(f.entry().type().param(k).orElseThrow().format(v));
            }
        }));
        return out.toString();
    }

    /** A replay's place: played or held, the time into the recording, the tick of all, the speed. */
    static String position(Playback p, Canvas c) {
        String speed = p.speed() == 0.25 ? "1/4x" : p.speed() == 0.5 ? "1/2x" : (int) p.speed() + "x";
        long ms = p.atMs();
        String at = String.format(java.util.Locale.ROOT, "%02d:%02d.%d", ms / 60_000, ms / 1000 % 60, ms % 1000 / 100);
        return (p.playing() ? c.glyphs().running() : c.glyphs().paused()) + " " + at + " tick " + p.tick() + "/" + p.ticks() + (p.indexed() ? "" : "+") + " "
                + speed;
    }

    public void render(Frame f, Canvas c, Rect area) {
        Snapshot s = f.snapshot();
        c.fill(area, ' ', c.theme().bar());
        int x = area.col();
        x += c.text(x, area.row(), " ThreadLab ", area.width(), c.theme().bar());
        if (f.entry() != null) {
            x += c.text(x, area.row(), " " + f.entry().id() + changedParams(f) + " ", area.right() - x,
                    c.theme().bar());
        }
        StringBuilder status = new StringBuilder();
        boolean alarm = false;
        Playback replay = f.view().replay();
        if (replay != null) {
            x += c.text(x, area.row(), " " + position(replay, c) + " ", area.right() - x, c.theme().bold());
        }
        if (!f.view().banner().isEmpty()) {
            status.append(c.glyphs().stopped()).append(' ').append(f.view().banner());
            alarm = true;
        } else if (s != null && f.entry() == null && !s.run().id().isEmpty()) {
            status.append("watching ").append(s.run().id());
            if (!s.deadlocked().isEmpty()) {
                status.append(' ').append(c.glyphs().stopped()).append(" DEADLOCK");
                alarm = true;
            }
        } else if (s != null && f.entry() != null) {
            RunState run = s.run();
            if (!s.deadlocked().isEmpty() && !run.status().ended()) {
                status.append(c.glyphs().stopped()).append(" DEADLOCK ");
                alarm = true;
            } else if (run.stepMode() && !run.status().ended()) {
                status.append("STEP ").append(run.nextStep() == null ? "" : "next: " + run.nextStep() + " ");
            } else {
                status.append(run.status().ended() ? c.glyphs().stopped() : c.glyphs().running()).append(' ')
                        .append(run.status().label()).append(' ');
            }
            if (replay == null) {
                status.append(Format.clock(run.elapsedMs()));
            }
        }
        if (f.paused()) {
            status.append(' ').append(c.glyphs().paused()).append(" paused");
        }
        if (status.length() > 0) {
            x += c.text(x, area.row(), " " + status + " ", area.right() - x, alarm ? c.theme().alarm()
                    : c.theme().bar());
        }
        StringBuilder facts = new StringBuilder();
        String dot = " " + c.glyphs().dot() + " ";
        facts.append(dot).append("every ").append(Durations.format(f.interval()));
        int jdk = f.view().run() == null ? 0 : f.view().run().jdkFeature();
        facts.append(dot).append("JDK ").append(jdk > 0 ? jdk : Runtime.version().feature());
        if (s != null) {
            facts.append(dot).append(s.liveThreads()).append(" threads");
            facts.append(dot).append("tick ").append(Format.millis(Math.round(s.tickMicros() / 1000.0)));
        }
        String flash = f.view().flash(f.nowNanos());
        String right = (flash.isEmpty() ? "" : flash + "  ") + "? help ";
        if (area.right() - right.length() <= x && !flash.isEmpty()) {
            // Too little room for both: the message is the news, the help key is in the footer.
            right = c.glyphs().fit(flash, Math.max(1, area.right() - x - 2)) + " ";
        }
        int room = area.right() - x - right.length() - 1;
        if (room > 5) {
            c.text(x, area.row(), c.glyphs().fit(facts.toString(), room), room, c.theme().bar());
        }
        if (area.right() - right.length() > x) {
            c.text(area.right() - right.length(), area.row(), right, right.length(), c.theme().bar());
        }
    }
}
