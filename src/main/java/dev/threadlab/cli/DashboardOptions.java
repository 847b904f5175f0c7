package dev.threadlab.cli;

import dev.threadlab.UserError;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of the dashboard: how it draws, how it is driven, and whether it is recorded. */
public final class DashboardOptions {
    @Option(names = "--ascii", description = "Draw with ASCII only, for terminals without box-drawing glyphs.")
    boolean ascii;

    @Option(names = "--autopilot", paramLabel = "FILE",
            description = "Play a script of timed actions (wait, key, caption, set, quit, …): a demo with no one at the keys.")
    Path autopilot;

    @Option(names = "--record", paramLabel = "FILE.cast",
            description = "Write what the dashboard draws to an asciicast v2 file.")
    Path record;

    @Option(names = "--size", paramLabel = "WxH",
            description = "With --record: draw only into the recording, at this size (default with no terminal: 100x30).")
    String size;

    /** {width, height} from --size, or null. */
    int[] size() {
        if (size == null) {
            return null;
        }
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            int w = Integer.parseInt(wh[0].strip());
            int h = Integer.parseInt(wh[1].strip());
            if (wh.length == 2 && w >= 20 && h >= 5 && w <= 1000 && h <= 500) {
                return new int[] {w, h};
            }
        } catch (RuntimeException e) {
            // fall through to the message
        }
        throw new UserError("--size must be WIDTHxHEIGHT, like 100x30, got '" + size + "'");
    }

    void check() {
        if (size != null && record == null) {
            throw new UserError("--size is for recordings: add --record FILE.cast");
        }
        size();
    }
}
