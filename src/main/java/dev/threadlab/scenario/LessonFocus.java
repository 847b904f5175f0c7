package dev.threadlab.scenario;

import java.util.List;

/**
 * What a lesson is about: the panes it speaks of and the counters it names. The screen keeps these
 * open and in view, even at 80x24, and folds the other panes first.
 *
 * @param panes    pane names from {@link #PANES}, most important first
 * @param counters counter or result names, most important first
 */
public record LessonFocus(List<String> panes, List<String> counters) {
    /** The panes a lesson can point at, by the names the catalogue uses. */
    public static final List<String> PANES = List.of("threads", "timeline", "counters", "locks", "pools", "output");
    public static final LessonFocus NONE = new LessonFocus(List.of(), List.of());

    public LessonFocus {
        panes = List.copyOf(panes);
        counters = List.copyOf(counters);
    }

    public boolean names(String counter) {
        return counters.contains(counter);
    }
}
