package dev.threadlab.scenario;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A kind of scenario the catalogue can name: its parameters and how to make one from their values. */
public record ScenarioType(String name, List<ParamSpec> params, Function<Params, Scenario> factory) {

    public ScenarioType {
        params = List.copyOf(params);
    }

    public Optional<ParamSpec> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    public List<String> paramNames() {
        return params.stream().map(ParamSpec::name).toList();
    }

    public Scenario create(Params values) {
        return factory.apply(values);
    }
}
