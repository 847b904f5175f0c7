package dev.threadlab.replay;

import dev.threadlab.UserError;

/** A line in the middle of a recording that is not one of ThreadLab's records. */
public final class Garbled extends UserError {
    private static final long serialVersionUID = 1L;

    Garbled(String file, long line, Throwable cause) {
        super(file + ":" + line + ": not a ThreadLab record", cause);
    }
}
