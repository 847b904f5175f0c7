package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Two threads print at once; the scheduler decides the order, so each run interleaves differently. */
public final class Interleaving implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("interleaving", List.of(
            ParamSpec.integer("count", 5, 1, 100_000, "lines each thread prints"),
            ParamSpec.duration("pace", Duration.ofMillis(400), Duration.ofMinutes(1),
                    "average pause between lines (random, 0 to twice this); 0 prints flat out")),
            Interleaving::new);

    private final int count;
    private final Duration pace;

    Interleaving(Params p) {
        this.count = p.integer("count");
        this.pace = p.duration("pace");
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
        AtomicLong printed = new AtomicLong();
        ctx.counter("printed", printed::get);
        Thread numbers = ctx.newThread("numbers", printer(ctx, i -> String.valueOf(i), order, printed));
        Thread letters = ctx.newThread("letters", printer(ctx, Interleaving::letter, order, printed));
        ctx.step("start both");
        numbers.start();
        letters.start();
        numbers.join();
        letters.join();
        ctx.print("both threads finished; the order above was the scheduler's choice");
        ctx.result("order", String.join(" ", order));
        ctx.pause(pace);
    }

    private Runnable printer(ScenarioContext ctx, IntFunction<String> item, ConcurrentLinkedQueue<String> order,
            AtomicLong printed) {
        return () -> {
            try {
                for (int i = 0; i < count; i++) {
                    String what = item.apply(i);
                    ctx.print((Character.isDigit(what.charAt(0)) ? "number " : "letter ") + what);
                    order.add(what);
                    printed.incrementAndGet();
                    long nanos = pace.toNanos();
                    if (nanos > 0) {
                        ctx.pause(Duration.ofNanos(ThreadLocalRandom.current().nextLong(2 * nanos)));
                    } else {
                        Thread.yield();
                    }
                }
            } catch (InterruptedException e) {
                // stopped: end quietly
            }
        };
    }

    /** A, B, … Z, then AA, AB, … so any count has distinct letters. */
    static String letter(int i) {
        StringBuilder s = new StringBuilder();
        for (int n = i; n >= 0; n = n / 26 - 1) {
            s.insert(0, (char) ('A' + n % 26));
        }
        return s.toString();
    }
}
