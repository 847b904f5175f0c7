package dev.threadlab.probe;

/** A line a watched thread printed, {@code tMs} after the run began. */
public record OutputLine(long tMs, String thread, String text) {
}
