package dev.threadlab.watch;

/**
 * Where a replay stands: what its header shows on the position bar.
 *
 * @param tick    the tick on screen, from 1
 * @param ticks   the ticks in the recording (so far, while it is still being indexed)
 * @param atMs    the time of that tick, from the recording's start
 * @param speed   how fast it plays (1 = as recorded)
 * @param playing playing, or held at this tick
 * @param indexed the whole recording has been read (until then {@code ticks} may grow)
 * @param note    what to say of the recording (it was cut short, or is garbled), or null
 * @param broken  the recording cannot be played on (the note says why): the replay ends
 */
public record Playback(long tick, long ticks, long atMs, double speed, boolean playing, boolean indexed,
        String note, boolean broken) {

    /** At the last tick, with the whole recording read. */
    public boolean atEnd() {
        return indexed && tick >= ticks;
    }
}
