package dev.threadlab.scenario;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The checked parameter values of one scenario entry: every parameter of its type has a value. */
public final class Params {
    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The type's defaults, overlaid with the given (already parsed) values. */
    public static Params of(ScenarioType type, Map<String, Object> overrides) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (ParamSpec p : type.params()) {
            v.put(p.name(), p.defaultValue());
        }
        overrides.forEach((k, val) -> {
            if (!v.containsKey(k)) {
                throw new IllegalArgumentException(type.name() + " has no parameter '" + k + "'");
            }
            v.put(k, val);
        });
        return new Params(v);
    }

    public Params with(Map<String, Object> overrides) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.putAll(overrides);
        return new Params(v);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public int integer(String name) {
        return Math.toIntExact((Long) get(name));
    }

    public long longValue(String name) {
        return (Long) get(name);
    }

    public Duration duration(String name) {
        return (Duration) get(name);
    }

    public boolean flag(String name) {
        return (Boolean) get(name);
    }

    public String choice(String name) {
        return (String) get(name);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("no parameter '" + name + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
