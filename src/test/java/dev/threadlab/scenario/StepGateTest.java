package dev.threadlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class StepGateTest {
    private final StepGate gate = new StepGate(true);
    private final List<String> passed = new CopyOnWriteArrayList<>();

    private Thread arrive(String name) {
        Thread t = new Thread(() -> {
            try {
                gate.pass("step");
                passed.add(name);
            } catch (InterruptedException e) {
                passed.add(name + " interrupted");
            }
        }, name);
        t.setDaemon(true);
        t.start();
        // Parked on the gate itself, which the panes name "step gate".
        await().until(() -> t.getState() == Thread.State.WAITING && LockSupport.getBlocker(t) == gate);
        return t;
    }

    @Test
    void eachStepLetsTheOldestThroughAndLeavesTheOthersParkedOnTheGate() {
        Thread first = arrive("first");
        Thread second = arrive("second");
        Thread third = arrive("third");
        assertThat(gate.next()).isEqualTo("step (first)");

        assertThat(gate.step()).isTrue();
        await().until(() -> passed.equals(List.of("first")));
        // The ones still held were never woken: still parked on the gate, not queueing for a monitor.
        for (Thread t : List.of(second, third)) {
            assertThat(t.getState()).isEqualTo(Thread.State.WAITING);
            assertThat(LockSupport.getBlocker(t)).isSameAs(gate);
        }
        assertThat(gate.next()).isEqualTo("step (second)");

        gate.step();
        await().until(() -> passed.equals(List.of("first", "second")));
        gate.step();
        await().until(() -> passed.equals(List.of("first", "second", "third")));
        assertThat(gate.step()).as("nobody left to let through").isFalse();
        assertThat(gate.next()).isNull();
        assertThat(first.isAlive() || second.isAlive() || third.isAlive()).isFalse();
    }

    @Test
    void turningStepModeOffLetsEveryoneThrough() {
        arrive("a");
        arrive("b");
        gate.setOn(false);
        await().until(() -> passed.size() == 2);
        assertThat(passed).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void anInterruptEndsTheWait() {
        Thread t = arrive("stopped");
        t.interrupt();
        await().until(() -> passed.equals(List.of("stopped interrupted")));
    }

    @Test
    void offAGatePassesAtOnce() throws InterruptedException {
        StepGate off = new StepGate(false);
        AtomicBoolean through = new AtomicBoolean();
        off.pass("anything");
        through.set(true);
        assertThat(through).isTrue();
    }
}
