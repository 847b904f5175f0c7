package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A fixed pool squares 1..n: few workers, a queue of waiting tasks, results in the order asked. */
public final class ThreadPoolSquares implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("thread-pool", List.of(
            ParamSpec.integer("workers", 3, 1, 1024, "threads in the fixed pool"),
            ParamSpec.integer("tasks", 5, 1, 1_000_000, "numbers to square, 1..tasks"),
            ParamSpec.duration("taskTime", Duration.ofSeconds(2), Duration.ofMinutes(1),
                    "how long the shortest task takes (sleeping): tasks 1, 2, 3 take 2, 1.5 and 1 times it,"
                            + " and so on; 0 runs flat out")),
            ThreadPoolSquares::new);

    private final int workers;
    private final int tasks;
    private final Duration taskTime;

    ThreadPoolSquares(Params p) {
        this.workers = p.integer("workers");
        this.tasks = p.integer("tasks");
        this.taskTime = p.duration("taskTime");
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), ctx.threadFactory("pool-worker"));
        ctx.pool("squares", pool);
        ctx.counter("submitted", () -> pool.getTaskCount());
        ctx.counter("completed", () -> pool.getCompletedTaskCount());

        ctx.step("submit tasks");
        List<Future<Long>> futures = new ArrayList<>(tasks);
        for (int i = 1; i <= tasks; i++) {
            long n = i;
            Future<Long> future = pool.submit(() -> {
                ctx.pause(taskTime(n));
                long square = n * n;
                if (tasks <= 100) {
                    ctx.print("square(" + n + ") = " + square);
                }
                return square;
            });
            if (tasks <= 1000) {
                ctx.nameObject(future, "Future of square(" + n + ")"); // main waits on each in turn
            }
            futures.add(future);
        }
        List<Long> results = new ArrayList<>(tasks);
        try {
            for (Future<Long> f : futures) {
                results.add(f.get()); // in the order submitted, whichever finished first
            }
        } catch (ExecutionException e) {
            if (ctx.stopping()) {
                throw new InterruptedException("stopped"); // the stop's shutdownNow interrupted the task: not a failure
            }
            throw new IllegalStateException("a task failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        pool.awaitTermination(10, TimeUnit.SECONDS);
        ctx.result("results", results.size() <= 1000 ? results : results.subList(0, 1000));
        ctx.print("results in input order: " + (results.size() <= 20 ? results : results.size() + " values"));
        ctx.pause(taskTime);
    }

    /**
     * Tasks 1, 2, 3 take 2, 1.5 and 1 times taskTime, and so on: they finish out of order, the results
     * do not; and the queue holds its two tasks for a whole taskTime, long enough to be seen.
     */
    private Duration taskTime(long n) {
        return taskTime.multipliedBy(4 - (n - 1) % 3).dividedBy(2);
    }
}
