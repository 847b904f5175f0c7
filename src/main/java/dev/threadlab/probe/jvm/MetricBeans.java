package dev.threadlab.probe.jvm;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The names under which a scenario's counters and pools are published, and read back from another
 * process: the one contract between {@link ScenarioBeans} and {@link RemoteSource}.
 */
final class MetricBeans {
    static final String DOMAIN = "dev.threadlab";
    /** Attributes of the scenario bean besides its counters. */
    static final String SCENARIO = "Scenario";
    static final String STATUS = "Status";
    static final String ELAPSED_MS = "ElapsedMs";
    /** A counter named {@code lost} is the attribute {@code counter.lost}. */
    static final String COUNTER_PREFIX = "counter.";

    private MetricBeans() {
    }

    static ObjectName scenario() {
        return name(DOMAIN + ":type=Scenario");
    }

    static ObjectName pool(String pool) {
        return name(DOMAIN + ":type=Pool,name=" + ObjectName.quote(pool));
    }

    static ObjectName pools() {
        return name(DOMAIN + ":type=Pool,*");
    }

    static ObjectName name(String s) {
        try {
            return new ObjectName(s);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
