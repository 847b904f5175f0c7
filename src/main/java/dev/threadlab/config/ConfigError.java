package dev.threadlab.config;

import dev.threadlab.UserError;

/** A mistake in a scenario file, reported as {@code file:line: what is wrong}. */
public final class ConfigError extends UserError {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    /** A line of 0 means the problem is with the file as a whole (it is missing, say). */
    public ConfigError(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
