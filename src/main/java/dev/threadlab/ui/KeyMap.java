package dev.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;

/** Keys as htop and friends have them, read from the one table in {@link Action}. */
public final class KeyMap {
    private KeyMap() {
    }

    /** The action for a key on a live watch, or null when the key means nothing here. */
    public static Action action(KeyStroke k) {
        return action(k, false);
    }

    /** The action for a key, live or in a replay; null when the key means nothing there. */
    public static Action action(KeyStroke k, boolean replay) {
        for (Action a : Action.values()) {
            for (Key key : a.keys()) {
                if (key.holdsIn(replay) && key.matches(k)) {
                    return a;
                }
            }
        }
        return null;
    }
}
