package dev.threadlab.history;

import dev.threadlab.probe.Cause;

/**
 * One thread's state at each of the last {@value History#TICKS} ticks, as a ring of bytes (state and
 * cause packed into one), so that thousands of threads cost little.
 */
public final class StateStrip {
    private static final Thread.State[] STATES = Thread.State.values();
    private static final Cause[] CAUSES = Cause.values();

    private final byte[] ring = new byte[History.TICKS];
    private long first = -1;
    private long last = -1;

    void record(long tick, Thread.State state, Cause cause) {
        if (first < 0) {
            first = tick;
        } else {
            for (long t = last + 1; t < tick && t > tick - ring.length; t++) {
                ring[(int) (t % ring.length)] = 0; // absent in between: blank
            }
        }
        ring[(int) (tick % ring.length)] = (byte) (1 + state.ordinal() * CAUSES.length + cause.ordinal());
        last = tick;
    }

    long lastTick() {
        return last;
    }

    /** True if the thread was seen at {@code tick} (and it is still remembered). */
    public boolean has(long tick) {
        return tick >= first && tick <= last && tick > last - ring.length && ring[(int) (tick % ring.length)] != 0;
    }

    public Thread.State state(long tick) {
        return STATES[(code(tick) - 1) / CAUSES.length];
    }

    public Cause cause(long tick) {
        return CAUSES[(code(tick) - 1) % CAUSES.length];
    }

    private int code(long tick) {
        int c = ring[(int) (tick % ring.length)];
        if (!has(tick)) {
            throw new IllegalArgumentException("no state at tick " + tick);
        }
        return c;
    }
}
