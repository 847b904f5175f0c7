package dev.threadlab.scenario;

import java.time.Duration;

/** CPU work measured in time: stays RUNNABLE, cannot be folded away by the JIT, and honours interrupts. */
public final class Busy {
    private Busy() {
    }

    /** Spins for {@code nanos}; returns early (interrupt flag kept) if the thread is interrupted. */
    public static void spin(long nanos) {
        if (nanos <= 0) {
            return;
        }
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    public static void spin(Duration d) {
        spin(d.toNanos());
    }
}
