package dev.threadlab.scenario.catalog;

import dev.threadlab.scenario.Busy;
import dev.threadlab.scenario.NamedLock;
import dev.threadlab.scenario.ParamSpec;
import dev.threadlab.scenario.Params;
import dev.threadlab.scenario.Scenario;
import dev.threadlab.scenario.ScenarioContext;
import dev.threadlab.scenario.ScenarioType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Threads move money between accounts: read both balances, work, write both back. Two transfers
 * that touch the same account at once overwrite each other, so money appears or vanishes and the
 * total drifts from what it was. With the lock, each transfer is all-or-nothing to everyone else.
 *
 * <p>Each thread keeps its own ledger of what it moved, so at the end the scenario also knows which
 * accounts are wrong, even where gains and losses happen to cancel in the total.
 */
public final class InconsistentData implements Scenario {
    public static final ScenarioType TYPE = new ScenarioType("inconsistent-data", List.of(
            ParamSpec.integer("accounts", 10, 2, 1_000_000, "bank accounts"),
            ParamSpec.integer("threads", 4, 1, 1024, "threads making transfers"),
            ParamSpec.integer("transfers", 100_000, 1, 100_000_000, "transfers each thread makes"),
            ParamSpec.integer("balance", 1000, 0, 1_000_000_000, "what each account holds at the start"),
            ParamSpec.duration("work", Duration.ofNanos(20_000), Duration.ofMillis(10),
                    "CPU work between reading the balances and writing them back; 0 runs flat out"),
            ParamSpec.flag("lock", false, "guard each whole transfer with one lock ('bank')")),
            InconsistentData::new);

    private final int accounts;
    private final int threads;
    private final long transfers;
    private final long balance;
    private final long workNanos;
    private final boolean locked;

    InconsistentData(Params p) {
        this.accounts = p.integer("accounts");
        this.threads = p.integer("threads");
        this.transfers = p.longValue("transfers");
        this.balance = p.longValue("balance");
        this.workNanos = p.duration("work").toNanos();
        this.locked = p.flag("lock");
    }

    @Override
    public void run(ScenarioContext ctx) throws InterruptedException {
        // Atomic only to make each read and write a real one (as CounterRace's volatile does); read-work-write is still a race.
        AtomicLongArray balances = new AtomicLongArray(accounts);
        for (int i = 0; i < accounts; i++) {
            balances.set(i, balance);
        }
        NamedLock bank = locked ? ctx.newLock("bank", false) : null;
        long expectedTotal = balance * accounts;
        AtomicLongArray done = new AtomicLongArray(threads);
        ctx.counter("expectedTotal", () -> expectedTotal);
        ctx.counter("actualTotal", () -> total(balances, bank));
        ctx.counter("difference", () -> total(balances, bank) - expectedTotal);
        ctx.counter("transfers", () -> sum(done));

        long[][] ledgers = new long[threads][accounts];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> tellers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            tellers.add(ctx.newThread("teller-" + (t + 1), () -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                transferLoop(balances, bank, ledgers[slot], done, slot);
            }));
        }
        tellers.forEach(Thread::start);
        ctx.step("start the transfers");
        go.countDown();
        for (Thread t : tellers) {
            t.join();
        }

        long actualTotal = total(balances, bank);
        int wrong = 0;
        for (int a = 0; a < accounts; a++) {
            long should = balance;
            for (long[] ledger : ledgers) {
                should += ledger[a];
            }
            if (balances.get(a) != should) {
                wrong++;
            }
        }
        ctx.result("wrongAccounts", wrong);
        ctx.print(String.format("total should be %,d, is %,d (%+,d); %d of %d accounts hold the wrong amount",
                expectedTotal, actualTotal, actualTotal - expectedTotal, wrong, accounts));
    }

    private void transferLoop(AtomicLongArray balances, NamedLock bank, long[] ledger, AtomicLongArray done, int slot) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Thread me = Thread.currentThread();
        for (long i = 0; i < transfers && !me.isInterrupted(); i++) {
            int from = rnd.nextInt(accounts);
            int to = rnd.nextInt(accounts - 1);
            if (to >= from) {
                to++; // never the same account
            }
            long amount = 1 + rnd.nextInt(100);
            if (bank != null) {
                bank.lock();
                try {
                    transfer(balances, from, to, amount);
                } finally {
                    bank.unlock();
                }
            } else {
                transfer(balances, from, to, amount);
            }
            ledger[from] -= amount;
            ledger[to] += amount;
            done.lazySet(slot, i + 1);
        }
    }

    /** Read both, work, write both: the write may overwrite another thread's transfer. */
    private void transfer(AtomicLongArray balances, int from, int to, long amount) {
        long fromBalance = balances.get(from);
        long toBalance = balances.get(to);
        Busy.spin(workNanos);
        balances.set(from, fromBalance - amount);
        balances.set(to, toBalance + amount);
    }

    /** The sum of all balances; with the lock, read under it, so no transfer is seen half done. */
    private long total(AtomicLongArray balances, NamedLock bank) {
        if (bank != null) {
            bank.lock();
        }
        try {
            long s = 0;
            for (int i = 0; i < balances.length(); i++) {
                s += balances.get(i);
            }
            return s;
        } finally {
            if (bank != null) {
                bank.unlock();
            }
        }
    }

    private static long sum(AtomicLongArray a) {
        long s = 0;
        for (int i = 0; i < a.length(); i++) {
            s += a.get(i);
        }
        return s;
    }
}
