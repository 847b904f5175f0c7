package dev.threadlab.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** Keys as htop and friends have them: arrows and j/k, Tab, ?/F1 for help, q/F10 to quit. */
public final class KeyMap {
    private KeyMap() {
    }

    /** The action for a key, or null when the key means nothing here. */
    public static Action action(KeyStroke k) {
        KeyType type = k.getKeyType();
        switch (type) {
            case ArrowUp: return Action.UP;
            case ArrowDown: return Action.DOWN;
            case PageUp: return Action.PAGE_UP;
            case PageDown: return Action.PAGE_DOWN;
            case Home: return Action.HOME;
            case End: return Action.END;
            case Enter: return Action.OPEN;
            case Tab: return Action.NEXT_PANE;
            case ReverseTab: return Action.PREVIOUS_PANE;
            case Escape: return Action.CLOSE;
            case F1: return Action.HELP;
            case F10: return Action.QUIT;
            case EOF: return Action.QUIT;
            case Character: break;
            default: return null;
        }
        char c = k.getCharacter();
        if (k.isCtrlDown()) {
            return switch (c) {
                case 'c', 'C' -> Action.QUIT;
                case 'l', 'L' -> Action.REDRAW;
                default -> null;
            };
        }
        return switch (c) {
            case 'k' -> Action.UP;
            case 'j' -> Action.DOWN;
            case 'g' -> Action.HOME;
            case 'G' -> Action.END;
            case 's' -> Action.START_STOP;
            case 'r' -> Action.RESTART;
            case '.' -> Action.STEP;
            case 'c' -> Action.CONTINUE;
            case ' ' -> Action.PAUSE;
            case '+', '=' -> Action.FASTER;
            case '-', '_' -> Action.SLOWER;
            case '/' -> Action.FILTER;
            case 'a' -> Action.ALL_THREADS;
            case 'o' -> Action.SORT;
            case 'p' -> Action.PICK;
            case 'l' -> Action.LESSON;
            case '?', 'h' -> Action.HELP;
            case 'q', 'Q' -> Action.QUIT;
            default -> null;
        };
    }
}
