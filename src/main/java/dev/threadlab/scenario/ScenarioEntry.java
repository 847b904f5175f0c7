package dev.threadlab.scenario;

/**
 * One entry of the catalogue: an id a user types, the type it runs, what to call it, what to notice
 * (and where on screen), and its parameter values.
 *
 * @param source where it was defined ({@code scenarios.yaml:12}), for messages
 */
public record ScenarioEntry(String id, ScenarioType type, String title, String lesson, LessonFocus focus,
        Params params, String source) {

    public ScenarioEntry {
        focus = focus == null ? LessonFocus.NONE : focus;
    }

    public ScenarioEntry(String id, ScenarioType type, String title, String lesson, Params params, String source) {
        this(id, type, title, lesson, LessonFocus.NONE, params, source);
    }

    public ScenarioEntry withParams(Params newParams) {
        return new ScenarioEntry(id, type, title, lesson, focus, newParams, source);
    }
}
