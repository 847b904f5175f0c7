package dev.threadlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockRegistryTest {
    private final LockRegistry registry = new LockRegistry();

    private NamedLock register(String name, boolean fair) {
        NamedLock lock = new NamedLock(name, fair);
        registry.byQueue(lock.toString(), lock::waiters);
        registry.byOwner(lock.toString(), lock.syncClass(), lock::owner);
        return lock;
    }

    @SuppressWarnings("deprecation")
    private static long me() {
        return Thread.currentThread().getId();
    }

    @Test
    void aWaiterHandedTheLockBeforeTheLookupStillGetsItsName() {
        NamedLock gil = register("GIL", true);
        gil.lock(); // as if handed over between the sample (parked on it) and the lookup
        try {
            String jvmName = "java.util.concurrent.locks.ReentrantLock$FairSync@1b6d3586";
            assertThat(registry.describe(jvmName, me())).isEqualTo("ReentrantLock 'GIL'");
            assertThat(registry.describe(jvmName, me() + 1000)).as("remembered").isEqualTo("ReentrantLock 'GIL'");
        } finally {
            gil.unlock();
        }
    }

    @Test
    void twoLocksOwnedAtOnceAreAmbiguousAndAnotherSyncClassNeverMatches() {
        NamedLock a = register("A", false);
        NamedLock b = register("B", false);
        NamedLock fair = register("F", true);
        a.lock();
        b.lock();
        try {
            assertThat(registry.describe("java.util.concurrent.locks.ReentrantLock$NonfairSync@4e25154f", me()))
                    .isEqualTo("ReentrantLock@4e25154f");
            assertThat(registry.describe("java.util.concurrent.locks.ReentrantLock$FairSync@70dea4e", me()))
                    .isEqualTo("ReentrantLock@70dea4e");
        } finally {
            b.unlock();
            a.unlock();
        }
        assertThat(fair.isLocked()).isFalse();
    }
}
