package dev.threadlab.scenario;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Step mode: the scenario's threads pass named gates ("create", "take lock A"); while step mode is
 * on each gate holds until a step is granted, oldest arrival first, so a teacher can talk through
 * one state change at a time. Off, a gate costs one uncontended monitor enter.
 */
public final class StepGate {
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private boolean on;
    private long granted;
    private long nextTicket;

    private record Waiter(long ticket, String label) {
    }

    public StepGate(boolean on) {
        this.on = on;
    }

    /** Holds the calling thread here while step mode is on, until its step is granted. */
    public synchronized void pass(String label) throws InterruptedException {
        if (!on) {
            return;
        }
        Waiter me = new Waiter(nextTicket++, label + " (" + Thread.currentThread().getName() + ")");
        waiting.addLast(me);
        try {
            while (on && granted <= me.ticket) {
                wait();
            }
        } finally {
            waiting.remove(me);
        }
    }

    /** Lets the oldest waiting thread through its gate; returns false when nobody waits. */
    public synchronized boolean step() {
        if (waiting.isEmpty()) {
            return false;
        }
        granted = waiting.peekFirst().ticket() + 1;
        notifyAll();
        return true;
    }

    public synchronized void setOn(boolean stepMode) {
        on = stepMode;
        if (on) {
            granted = nextTicket; // gates reached from now on hold; nobody is owed a step
        }
        notifyAll();
    }

    public synchronized boolean isOn() {
        return on;
    }

    /** The label of the gate the next step opens, or null. */
    public synchronized String next() {
        return waiting.isEmpty() ? null : waiting.peekFirst().label();
    }
}
