package dev.threadlab.report;

import dev.threadlab.watch.Event;
import dev.threadlab.watch.Sink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --save FILE}: the watch as it is sampled, in the compact recording format, closed when the watch
 * is over. If the file cannot be written any more (a full disk, a gone directory) it says so once and
 * the watch goes on unrecorded.
 */
public final class Recorder implements Sink {
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);

    private final RecordingFile file;
    private final JsonSink json;
    private volatile Consumer<String> problem;
    private boolean closed;

    private Recorder(RecordingFile file, Consumer<String> problem) {
        this.file = file;
        this.problem = problem;
        this.json = new JsonSink(new JsonLines(file, false), true, file::startMember, e -> {
            log.warn("cannot write {}", file.path(), e);
            this.problem.accept("cannot write the recording " + file.path() + " (" + e.getCause().getMessage()
                    + "); the watch goes on unrecorded");
        });
    }

    /** From now on, a failure to write is told to {@code to} (the dashboard, once it is up). */
    public Recorder telling(Consumer<String> to) {
        this.problem = to;
        return this;
    }

    /**
     * @param problem told once, in one line, if writing fails
     * @throws dev.threadlab.UserError if the file cannot be created
     */
    public static Recorder open(Path path, Consumer<String> problem) {
        return new Recorder(RecordingFile.create(path), problem);
    }

    public Path path() {
        return file.path();
    }

    @Override
    public void on(Event event) {
        if (closed) {
            return;
        }
        json.on(event);
        if (event instanceof Event.Over) {
            closed = true;
            try {
                file.close();
            } catch (IOException e) {
                log.warn("closing {} failed", file.path(), e);
            }
        }
    }
}
