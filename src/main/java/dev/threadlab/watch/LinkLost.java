package dev.threadlab.watch;

/** The link to a watched JVM dropped mid-read: the engine reconnects, or ends the watch, as it was told. */
public final class LinkLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LinkLost(String reason, Throwable cause) {
        super(reason, cause);
    }
}
