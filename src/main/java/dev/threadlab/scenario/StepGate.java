package dev.threadlab.scenario;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.LockSupport;

/**
 * Step mode: the scenario's threads pass named gates ("create", "take lock A"); while step mode is
 * on each gate holds until a step is granted, oldest arrival first, so a teacher can talk through
 * one state change at a time. Off, a gate costs one uncontended monitor enter.
 *
 * <p>A held thread parks on the gate and a step unparks only the thread it lets through: waking
 * every waiter to recheck (notifyAll) made them queue for the gate's monitor, and the timeline
 * showed a BLOCKED cell that belongs to the gate, not to the lesson.
 */
public final class StepGate {
    private final Deque<Waiter> waiting = new ArrayDeque<>();
    private boolean on;
    private long granted;
    private long nextTicket;

    private record Waiter(long ticket, String label, Thread thread) {
    }

    public StepGate(boolean on) {
        this.on = on;
    }

    /** Holds the calling thread here while step mode is on, until its step is granted. */
    public void pass(String label) throws InterruptedException {
        Waiter me;
        synchronized (this) {
            if (!on) {
                return;
            }
            Thread self = Thread.currentThread();
            me = new Waiter(nextTicket++, label + " (" + self.getName() + ")", self);
            waiting.addLast(me);
        }
        try {
            while (!mayPass(me)) {
                LockSupport.park(this); // the panes call this object "step gate"
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            synchronized (this) {
                waiting.remove(me);
            }
        }
    }

    private synchronized boolean mayPass(Waiter w) {
        return !on || granted > w.ticket();
    }

    /** Lets the oldest waiting thread through its gate; returns false when nobody waits. */
    public synchronized boolean step() {
        if (waiting.isEmpty()) {
            return false;
        }
        Waiter first = waiting.peekFirst();
        granted = first.ticket() + 1;
        LockSupport.unpark(first.thread());
        return true;
    }

    public synchronized void setOn(boolean stepMode) {
        on = stepMode;
        if (on) {
            granted = nextTicket; // gates reached from now on hold; nobody is owed a step
        }
        waiting.forEach(w -> LockSupport.unpark(w.thread()));
    }

    public synchronized boolean isOn() {
        return on;
    }

    /** The label of the gate the next step opens, or null. */
    public synchronized String next() {
        return waiting.isEmpty() ? null : waiting.peekFirst().label();
    }
}
