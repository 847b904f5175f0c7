package dev.threadlab;

/**
 * A problem with what the user asked for (a bad config, an unknown id, a gone pid): reported as one
 * line, exit code 2, never a stack trace.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
