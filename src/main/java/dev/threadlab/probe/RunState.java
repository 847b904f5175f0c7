package dev.threadlab.probe;

/**
 * Where the watched run is: its id, status, age, and in step mode the step it holds at.
 *
 * @param nextStep the gate a thread waits at in step mode ("take lock A (worker-1)"), or null
 * @param note     one line about the end of the run: what failed, or what was left behind; or null
 */
public record RunState(String id, Status status, long elapsedMs, boolean stepMode, String nextStep, String note) {

    public enum Status {
        RUNNING, FINISHED, STOPPED, FAILED;

        public boolean ended() {
            return this != RUNNING;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
