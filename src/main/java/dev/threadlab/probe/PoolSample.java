package dev.threadlab.probe;

/**
 * A pool or bounded queue at one tick. {@code capacity} is the queue's bound, or -1 when it has
 * none; a plain buffer (no worker threads of its own) reports -1 for the worker counts.
 */
public record PoolSample(String name, int poolSize, int active, int largest, long queued, long completed,
        long capacity) {
}
