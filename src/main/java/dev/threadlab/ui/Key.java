package dev.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * One key an action is bound to, and how help shows it: a key type (arrows, Enter, F1) or a character,
 * with Ctrl or not; live only, replay only, or both; shown in help, or a quiet alias.
 */
public record Key(KeyType type, char character, boolean ctrl, String label, String asciiLabel, Mode mode,
        boolean shown) {

    /** Where a binding holds: on a live watch, in a replay, or in both. */
    public enum Mode { ANY, LIVE, REPLAY }

    public static Key of(KeyType type, String label, String asciiLabel) {
        return new Key(type, '\0', false, label, asciiLabel, Mode.ANY, true);
    }

    public static Key of(KeyType type, String label) {
        return of(type, label, label);
    }

    public static Key ch(char c) {
        return new Key(KeyType.Character, c, false, String.valueOf(c), String.valueOf(c), Mode.ANY, true);
    }

    public static Key ch(char c, String label, String asciiLabel) {
        return new Key(KeyType.Character, c, false, label, asciiLabel, Mode.ANY, true);
    }

    public static Key ctrl(char c) {
        String label = "^" + Character.toUpperCase(c);
        return new Key(KeyType.Character, Character.toLowerCase(c), true, label, label, Mode.ANY, true);
    }

    public Key live() {
        return new Key(type, character, ctrl, label, asciiLabel, Mode.LIVE, shown);
    }

    public Key replay() {
        return new Key(type, character, ctrl, label, asciiLabel, Mode.REPLAY, shown);
    }

    /** An alias that works but is not listed (= for +, Q for q). */
    public Key quiet() {
        return new Key(type, character, ctrl, label, asciiLabel, mode, false);
    }

    public String label(boolean ascii) {
        return ascii ? asciiLabel : label;
    }

    public boolean holdsIn(boolean replay) {
        return mode == Mode.ANY || (mode == Mode.REPLAY) == replay;
    }

    /** Whether {@code k} is this key (Ctrl letters match either case). */
    boolean matches(KeyStroke k) {
        if (k.getKeyType() != type) {
            return false;
        }
        if (type != KeyType.Character) {
            return true;
        }
        if (k.isCtrlDown() != ctrl) {
            return false;
        }
        return ctrl ? Character.toLowerCase(k.getCharacter()) == character : k.getCharacter() == character;
    }
}
