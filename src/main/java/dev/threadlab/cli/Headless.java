package dev.threadlab.cli;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.report.HeadlessRun;
import dev.threadlab.report.JsonLines;
import dev.threadlab.report.JsonSink;
import dev.threadlab.report.Recorder;
import dev.threadlab.watch.Engine;
import java.io.OutputStream;
import java.io.PrintWriter;

/** A watch with no screen: JSON lines on stdout (and a recording with --save) until the engine is over. */
final class Headless {
    private Headless() {
    }

    /**
     * @param engine   not started yet
     * @param recorder the --save recording, or null
     * @return the run's final state
     */
    static Snapshot run(Engine engine, OutputStream stdout, Recorder recorder, PrintWriter err)
            throws InterruptedException {
        engine.add(JsonSink.headless(new JsonLines(stdout), e -> {
            warn(err, "cannot write the output (" + e.getCause().getMessage() + "): stopping");
            engine.stop();
        }));
        if (recorder != null) {
            engine.add(recorder);
        }
        HeadlessRun run = new HeadlessRun(engine);
        Signals.onInterrupt(run::requestStop);
        return run.execute();
    }

    static void warn(PrintWriter err, String problem) {
        err.println("threadlab: " + problem);
        err.flush();
    }
}
