package dev.threadlab.probe.jvm;

import dev.threadlab.probe.PoolSample;
import dev.threadlab.probe.RunState;
import dev.threadlab.probe.SampleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * What a tick reads from another JVM besides its threads: a ThreadLab scenario's counters and pools,
 * if one runs there and publishes them ({@link ScenarioBeans}), and the pools real servers publish
 * (Tomcat's {@code ThreadPool}, Jetty's {@code QueuedThreadPool}). Which beans exist is looked up
 * every few seconds; their values once a tick, in one call per bean.
 */
public final class RemoteSource implements SampleSource {
    private static final long LOOKUP_EVERY_NANOS = 5_000_000_000L;
    /** counters() and pools() come from the same read when asked for within this long of each other. */
    private static final long SAME_TICK_NANOS = 100_000_000L;

    /** A kind of server pool: where it is found and which attributes say what. */
    private record PoolKind(ObjectName pattern, String threads, String busy, String max, String queued) {
    }

    private static final List<PoolKind> SERVER_POOLS = List.of(
            new PoolKind(MetricBeans.name("*:type=ThreadPool,*"), "currentThreadCount", "currentThreadsBusy",
                    "maxThreads", null),
            new PoolKind(MetricBeans.name("org.eclipse.jetty.util.thread:type=queuedthreadpool,*"), "threads",
                    "busyThreads", "maxThreads", "queueSize"));

    private final JvmTarget target;
    private final MBeanServerConnection mbeans;
    private final long origin = System.nanoTime();
    private long lookedUpAt;
    private ObjectName scenario;
    private String[] scenarioAttributes = new String[0];
    private final Map<ObjectName, PoolKind> serverPools = new LinkedHashMap<>();
    private long readAt;
    private Map<String, Number> counters = Map.of();
    private List<PoolSample> pools = List.of();
    private String remoteRun;

    public RemoteSource(JvmTarget target) {
        this.target = target;
        this.mbeans = target.mbeans();
    }

    @Override
    public Map<String, Number> counters() {
        read();
        return counters;
    }

    @Override
    public List<PoolSample> pools() {
        if (System.nanoTime() - readAt > SAME_TICK_NANOS) {
            read();
        }
        return pools;
    }

    @Override
    public RunState runState() {
        return new RunState(target.label(), RunState.Status.RUNNING, (System.nanoTime() - origin) / 1_000_000,
                false, null, remoteRun);
    }

    private void read() {
        try {
            if (System.nanoTime() - lookedUpAt > LOOKUP_EVERY_NANOS || lookedUpAt == 0) {
                lookUp();
            }
            Map<String, Number> c = new LinkedHashMap<>();
            Map<String, long[]> byPool = new LinkedHashMap<>();
            remoteRun = null;
            if (scenario != null && scenarioAttributes.length > 0) {
                AttributeList values = mbeans.getAttributes(scenario, scenarioAttributes);
                String id = null;
                String status = null;
                for (Attribute a : values.asList()) {
                    String name = a.getName();
                    if (name.equals(MetricBeans.SCENARIO)) {
                        id = String.valueOf(a.getValue());
                    } else if (name.equals(MetricBeans.STATUS)) {
                        status = String.valueOf(a.getValue());
                    } else if (name.startsWith(MetricBeans.COUNTER_PREFIX) && a.getValue() instanceof Number n) {
                        c.put(name.substring(MetricBeans.COUNTER_PREFIX.length()), n);
                    } else if (name.startsWith("pool.") && a.getValue() instanceof Number n) {
                        poolField(byPool, name.substring(5), n.longValue());
                    }
                }
                remoteRun = id == null ? null : "ThreadLab scenario " + id + " (" + status + ") in that JVM";
            }
            List<PoolSample> p = new ArrayList<>();
            byPool.forEach((name, v) -> p.add(new PoolSample(name, (int) v[0], (int) v[1], (int) v[2], v[3], v[4],
                    v[5])));
            for (Map.Entry<ObjectName, PoolKind> e : serverPools.entrySet()) {
                p.add(serverPool(e.getKey(), e.getValue()));
            }
            counters = c;
            pools = p;
            readAt = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            lookedUpAt = 0; // a bean went away: look again next tick
        }
    }

    private static void poolField(Map<String, long[]> byPool, String rest, long value) {
        int dot = rest.lastIndexOf('.');
        if (dot <= 0) {
            return;
        }
        long[] v = byPool.computeIfAbsent(rest.substring(0, dot), k -> new long[] {-1, -1, -1, 0, 0, -1});
        switch (rest.substring(dot + 1)) {
            case "poolSize" -> v[0] = value;
            case "active" -> v[1] = value;
            case "largest" -> v[2] = value;
            case "queued" -> v[3] = value;
            case "completed" -> v[4] = value;
            case "capacity" -> v[5] = value;
            default -> { }
        }
    }

    private PoolSample serverPool(ObjectName name, PoolKind kind) throws IOException, JMException {
        List<String> wanted = new ArrayList<>(List.of(kind.threads(), kind.busy(), kind.max()));
        if (kind.queued() != null) {
            wanted.add(kind.queued());
        }
        Map<String, Long> v = new LinkedHashMap<>();
        for (Attribute a : mbeans.getAttributes(name, wanted.toArray(new String[0])).asList()) {
            if (a.getValue() instanceof Number n) {
                v.put(a.getName(), n.longValue());
            }
        }
        String label = name.getKeyProperty("name") != null ? ObjectName.unquote(quoted(name.getKeyProperty("name")))
                : name.getKeyPropertyListString();
        return new PoolSample(name.getDomain() + " " + label, v.getOrDefault(kind.threads(), -1L).intValue(),
                v.getOrDefault(kind.busy(), -1L).intValue(), v.getOrDefault(kind.max(), -1L).intValue(),
                kind.queued() == null ? 0 : v.getOrDefault(kind.queued(), 0L), -1, -1);
    }

    private static String quoted(String s) {
        return s.startsWith("\"") ? s : ObjectName.quote(s);
    }

    private void lookUp() throws IOException, JMException {
        scenario = null;
        scenarioAttributes = new String[0];
        for (ObjectName n : mbeans.queryNames(MetricBeans.name(MetricBeans.DOMAIN + ":type=Scenario,*"), null)) {
            scenario = n;
            MBeanAttributeInfo[] infos = mbeans.getMBeanInfo(n).getAttributes();
            scenarioAttributes = new String[infos.length];
            for (int i = 0; i < infos.length; i++) {
                scenarioAttributes[i] = infos[i].getName();
            }
            break;
        }
        serverPools.clear();
        for (PoolKind kind : SERVER_POOLS) {
            for (ObjectName n : mbeans.queryNames(kind.pattern(), null)) {
                serverPools.put(n, kind);
            }
        }
        lookedUpAt = System.nanoTime();
    }
}
