package dev.threadlab.target;

/** A JVM that does nothing until killed: prints "ready" and sleeps. */
public final class IdleTarget {
    private IdleTarget() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
