package dev.threadlab.scenario;

/**
 * One entry of the catalogue: an id a user types, the type it runs, what to call it, what to notice,
 * and its parameter values.
 *
 * @param source where it was defined ({@code scenarios.yaml:12}), for messages
 */
public record ScenarioEntry(String id, ScenarioType type, String title, String lesson, Params params,
        String source) {

    public ScenarioEntry withParams(Params newParams) {
        return new ScenarioEntry(id, type, title, lesson, newParams, source);
    }
}
