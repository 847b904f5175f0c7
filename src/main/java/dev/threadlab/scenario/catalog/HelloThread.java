package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.Busy;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.time.Duration;
import java.util.List;

/** One thread created, started and joined, each stage of its life held long enough to watch. */
public final class HelloThread implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("hello-thread", List.of(
            ParamSpec.duration("pace", Duration.ofSeconds(1), Duration.ofMinutes(1),
                    "how long each stage (NEW, running, sleeping, TERMINATED) stays on screen")),
            HelloThread::new);

    private final Duration pace;

    HelloThread(Params p) {
        this.pace = p.duration("pace");
    }

    // The output pane is 22 to 28 columns wide at 80x24 and 100x30: lines short enough to read there.
    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        ctx.step("create hello");
        Thread hello = ctx.newThread("hello", () -> {
            ctx.print("hello from a thread");
            Busy.spin(pace); // RUNNABLE: doing work
            try {
                ctx.step("sleep");
                ctx.pause(pace); // TIMED_WAITING: sleeping
            } catch (InterruptedException e) {
                return;
            }
            ctx.print("done: run() returns");
        });
        ctx.print("created 'hello': NEW");
        ctx.pause(pace);

        ctx.step("start hello");
        hello.start();
        ctx.print("started 'hello'; joins it");
        ctx.step("join hello");
        hello.join(); // main is WAITING here
        ctx.print("join() done: TERMINATED");
        ctx.result("joined", !hello.isAlive());
        ctx.pause(pace);
    }
}
