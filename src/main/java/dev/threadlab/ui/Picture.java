package dev.threadlab.ui;

import dev.threadlab.probe.Snapshot;
import dev.threadlab.probe.ThreadSample;
import dev.threadlab.scenario.ScenarioCatalog;
import java.util.List;

/**
 * What a state looks like: the frame to draw and where each pane goes. A function of the state alone,
 * so the keys (which need the rows and the page height) and the drawing see the same picture.
 */
record Picture(Frame frame, Layout layout) {

    static Picture of(ViewState view, ScenarioCatalog catalog, Renderer renderer, long nowNanos) {
        Snapshot s = view.history().latest();
        List<ThreadSample> rows = ThreadRows.of(s, view);
        Frame f = new Frame(s, view.history(), view, rows, view.run() == null ? null : view.run().entry(), catalog,
                view.interval(), view.paused(), nowNanos);
        return new Picture(f, renderer.layout(view.width, view.height, f));
    }

    List<ThreadSample> rows() {
        return frame.rows();
    }
}
