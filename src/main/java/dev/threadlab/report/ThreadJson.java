package dev.threadlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.threadlab.probe.Cause;
import dev.threadlab.probe.ThreadSample;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * One thread as JSON, both ways: the whole object a sample holds, and in a compact recording the
 * difference from the same thread a tick before (only the fields whose written value changed; the
 * growing totals as {@code "+field": increase}, since a parked thread's waited time grows every tick).
 * Written and read from one table of fields, so the two cannot drift apart.
 */
public final class ThreadJson {
    private static final String[] NAMES = {"id", "name", "state", "cause", "daemon", "scenario", "lock",
        "lockOwnerId", "lockOwner", "blockedCount", "blockedTimeMs", "blockedDelta", "waitedCount", "waitedTimeMs",
        "waitedDelta", "cpuMs", "cpuPercent"};
    /** Totals that only grow: a delta gives their increase. */
    private static final boolean[] GROWS = new boolean[NAMES.length];
    private static final String[] GROWN = new String[NAMES.length];
    private static final String[] CAUSES = new String[Cause.values().length];
    private static final java.util.Map<String, Cause> CAUSE_OF = new java.util.HashMap<>();
    private static final java.util.Map<String, Thread.State> STATE_OF = new java.util.HashMap<>();
    /** A field's place in the table, by its name and by its "+name". */
    private static final java.util.Map<String, Integer> FIELD = new java.util.HashMap<>();

    static {
        for (int i = 0; i < NAMES.length; i++) {
            GROWN[i] = "+" + NAMES[i];
            FIELD.put(NAMES[i], i);
            FIELD.put(GROWN[i], -1 - i);
        }
        for (Cause c : Cause.values()) {
            CAUSES[c.ordinal()] = c.name().toLowerCase(Locale.ROOT);
            CAUSE_OF.put(CAUSES[c.ordinal()], c);
        }
        for (Thread.State st : Thread.State.values()) {
            STATE_OF.put(st.name(), st);
        }
        for (String g : new String[] {"blockedCount", "blockedTimeMs", "waitedCount", "waitedTimeMs", "cpuMs"}) {
            GROWS[indexOf(g)] = true;
        }
    }

    private ThreadJson() {
    }

    private static int indexOf(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The values as written: numbers, strings, booleans, or null (CPU not read, no owner). */
    private static Object[] values(ThreadSample t) {
        return new Object[] {t.id(), t.name(), t.state().name(), CAUSES[t.cause().ordinal()],
            t.daemon(), t.scenario(), t.lock(), t.lockOwnerId() >= 0 ? t.lockOwnerId() : null, t.lockOwner(),
            t.blockedCount(), t.blockedTimeMs(), t.blockedDelta(), t.waitedCount(), t.waitedTimeMs(),
            t.waitedDelta(), t.cpuNanos() >= 0 ? t.cpuNanos() / 1_000_000 : null,
            t.cpuPercent() >= 0 ? Math.round(t.cpuPercent() * 10) / 10.0 : null};
    }

    private static ThreadSample of(Object[] v) {
        return new ThreadSample(num(v[0]), (String) v[1], known(STATE_OF, (String) v[2]),
                known(CAUSE_OF, (String) v[3]), (Boolean) v[4], (Boolean) v[5],
                (String) v[6], v[7] == null ? -1 : num(v[7]), (String) v[8], num(v[9]), num(v[10]), num(v[12]),
                num(v[13]), num(v[11]), num(v[14]), v[15] == null ? -1 : num(v[15]) * 1_000_000,
                v[16] == null ? -1 : ((Number) v[16]).doubleValue());
    }

    private static <T> T known(java.util.Map<String, T> names, String name) {
        T t = names.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no such state or cause: " + name);
        }
        return t;
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    /** The whole thread. */
    static void write(JsonGenerator json, ThreadSample t) throws IOException {
        Object[] v = values(t);
        json.writeStartObject();
        for (int i = 0; i < NAMES.length; i++) {
            json.writeFieldName(NAMES[i]);
            value(json, v[i]);
        }
        json.writeEndObject();
    }

    /** What changed since {@code before}, as written; nothing (false) if no written value did. */
    static boolean writeChange(JsonGenerator json, ThreadSample before, ThreadSample t) throws IOException {
        Object[] was = values(before);
        Object[] now = values(t);
        boolean any = false;
        for (int i = 1; i < NAMES.length; i++) {
            if (Objects.equals(was[i], now[i])) {
                continue;
            }
            if (!any) {
                json.writeStartObject();
                json.writeNumberField("id", t.id());
                any = true;
            }
            if (GROWS[i] && was[i] != null && now[i] != null) {
                json.writeNumberField(GROWN[i], num(now[i]) - num(was[i]));
            } else {
                json.writeFieldName(NAMES[i]);
                value(json, now[i]);
            }
        }
        if (any) {
            json.writeEndObject();
        }
        return any;
    }

    private static void value(JsonGenerator json, Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof String s) {
            json.writeString(s);
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof Double d) {
            json.writeNumber(d);
        } else {
            json.writeNumber(num(v));
        }
    }

    /** A whole thread read back. */
    public static ThreadSample read(JsonNode n) {
        Object[] v = new Object[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            v[i] = plain(n.get(NAMES[i]));
        }
        return of(v);
    }

    /** A change read back onto the thread it changes. */
    public static ThreadSample apply(JsonNode change, ThreadSample before) {
        Object[] v = values(before);
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = change.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> f = it.next();
            Integer at = FIELD.get(f.getKey());
            if (at == null || at == 0) {
                continue; // the id, or a field a newer ThreadLab adds
            }
            if (at < 0) {
                v[-1 - at] = num(v[-1 - at]) + f.getValue().asLong();
            } else {
                v[at] = plain(f.getValue());
            }
        }
        return of(v);
    }

    private static Object plain(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isFloatingPointNumber()) {
            return n.asDouble();
        }
        return n.asLong();
    }
}
