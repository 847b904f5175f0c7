package dev.threadlab.probe.jvm;

import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.SampleSource;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Publishes the watched scenario's counters and pools as one MBean in this JVM's platform MBean
 * server ({@code dev.threadlab:type=Scenario,name=ID}), so a dashboard attached from another process
 * shows them too. One bean with every value as an attribute: a remote tick reads them all in one
 * call. Attributes: {@code Scenario}, {@code Status}, {@code ElapsedMs}, {@code counter.NAME}, and
 * {@code pool.NAME.poolSize|active|largest|queued|completed|capacity}. No port is opened by this.
 */
public final class ScenarioBeans implements DynamicMBean, AutoCloseable {
    private static final String[] POOL_FIELDS = {"poolSize", "active", "largest", "queued", "completed", "capacity"};

    private final Supplier<SampleSource> source;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private ObjectName registered;

    private ScenarioBeans(Supplier<SampleSource> source) {
        this.source = source;
    }

    /** Publishes whatever {@code source} supplies at each read (a run that restarts keeps its bean). */
    public static ScenarioBeans publish(String id, Supplier<SampleSource> source) {
        ScenarioBeans beans = new ScenarioBeans(source);
        for (int n = 1; beans.registered == null; n++) {
            ObjectName name = MetricBeans.name(MetricBeans.DOMAIN + ":type=Scenario,name="
                    + ObjectName.quote(n == 1 ? id : id + "-" + n));
            try {
                beans.server.registerMBean(beans, name);
                beans.registered = name;
            } catch (InstanceAlreadyExistsException e) {
                // another run in this JVM has that name: take the next
            } catch (JMException e) {
                throw new IllegalStateException("cannot publish " + name, e);
            }
        }
        return beans;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        SampleSource s = source.get();
        RunState run = s.runState();
        switch (attribute) {
            case MetricBeans.SCENARIO:
                return run.id();
            case MetricBeans.STATUS:
                return run.status().label();
            case MetricBeans.ELAPSED_MS:
                return run.elapsedMs();
            default:
                break;
        }
        if (attribute.startsWith(MetricBeans.COUNTER_PREFIX)) {
            Number n = s.counters().get(attribute.substring(MetricBeans.COUNTER_PREFIX.length()));
            if (n != null) {
                return n instanceof Double || n instanceof Float ? (Object) n.doubleValue() : (Object) n.longValue();
            }
        } else if (attribute.startsWith("pool.")) {
            for (PoolSample p : s.pools()) {
                String prefix = "pool." + p.name() + ".";
                if (attribute.startsWith(prefix)) {
                    return poolField(p, attribute.substring(prefix.length()));
                }
            }
        }
        throw new AttributeNotFoundException(attribute);
    }

    private static long poolField(PoolSample p, String field) throws AttributeNotFoundException {
        return switch (field) {
            case "poolSize" -> p.poolSize();
            case "active" -> p.active();
            case "largest" -> p.largest();
            case "queued" -> p.queued();
            case "completed" -> p.completed();
            case "capacity" -> p.capacity();
            default -> throw new AttributeNotFoundException(field);
        };
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList out = new AttributeList();
        for (String a : attributes) {
            try {
                out.add(new Attribute(a, getAttribute(a)));
            } catch (AttributeNotFoundException e) {
                // gone since the caller read our info: leave it out
            }
        }
        return out;
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        SampleSource s = source.get();
        List<MBeanAttributeInfo> attrs = new ArrayList<>();
        attrs.add(attr(MetricBeans.SCENARIO, String.class, "the scenario's id"));
        attrs.add(attr(MetricBeans.STATUS, String.class, "running, finished, stopped or failed"));
        attrs.add(attr(MetricBeans.ELAPSED_MS, Long.class, "milliseconds since the run began"));
        for (Map.Entry<String, Number> c : s.counters().entrySet()) {
            boolean decimal = c.getValue() instanceof Double || c.getValue() instanceof Float;
            attrs.add(attr(MetricBeans.COUNTER_PREFIX + c.getKey(), decimal ? Double.class : Long.class,
                    "counter " + c.getKey()));
        }
        for (PoolSample p : s.pools()) {
            for (String f : POOL_FIELDS) {
                attrs.add(attr("pool." + p.name() + "." + f, Long.class, "pool " + p.name() + ": " + f));
            }
        }
        return new MBeanInfo(getClass().getName(), "A ThreadLab scenario's counters and pools",
                attrs.toArray(new MBeanAttributeInfo[0]), null, null, null);
    }

    private static MBeanAttributeInfo attr(String name, Class<?> type, String description) {
        return new MBeanAttributeInfo(name, type.getName(), description, true, false, false);
    }

    @Override
    public void setAttribute(Attribute attribute) {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException("no operations");
    }

    public ObjectName name() {
        return registered;
    }

    @Override
    public void close() {
        try {
            server.unregisterMBean(registered);
        } catch (JMException e) {
            // already gone
        }
    }
}
