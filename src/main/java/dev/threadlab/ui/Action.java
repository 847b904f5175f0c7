package dev.threadlab.ui;

import static dev.threadlab.ui.Key.ch;
import static dev.threadlab.ui.Key.ctrl;
import static dev.threadlab.ui.Key.of;

import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/**
 * Everything a key (or an autopilot) can do, with the keys bound to it and the words help shows: one
 * table, which {@link KeyMap} reads keys with and the help overlay and footer draw, so a key and its
 * help cannot drift apart.
 */
public enum Action {
    UP("move up", of(KeyType.ArrowUp, "↑", "Up"), ch('k')),
    DOWN("move down", of(KeyType.ArrowDown, "↓", "Dn"), ch('j')),
    PAGE_UP("page up", of(KeyType.PageUp, "PgUp")),
    PAGE_DOWN("page down", of(KeyType.PageDown, "PgDn")),
    HOME("first row", of(KeyType.Home, "Home").live(), ch('g')),
    END("last row", of(KeyType.End, "End").live(), ch('G')),
    OPEN("stack of the thread", of(KeyType.Enter, "⏎", "Enter")),
    NEXT_PANE("next pane (unfolds it)", of(KeyType.Tab, "⇥", "Tab")),
    PREVIOUS_PANE("previous pane", of(KeyType.ReverseTab, "⇧⇥", "S-Tab")),
    START_STOP("start/stop the scenario", ch('s')),
    RESTART("restart the scenario", ch('r')),
    STEP("one step (an ended run: again)", ch('.')),
    CONTINUE("leave step mode", ch('c')),
    PAUSE("pause sampling (replay: play)", ch(' ', "␣", "Space")),
    FASTER("sample more often", ch('+'), ch('=').quiet()),
    SLOWER("sample less often", ch('-'), ch('_').quiet()),
    BACK("replay: one tick back", of(KeyType.ArrowLeft, "←", "Left").replay()),
    FORWARD("replay: one tick on", of(KeyType.ArrowRight, "→", "Right").replay()),
    BACK_TEN("replay: ten ticks back", ch('[').replay()),
    FORWARD_TEN("replay: ten ticks on", ch(']').replay()),
    FIRST_TICK("replay: the first tick", of(KeyType.Home, "Home").replay()),
    LAST_TICK("replay: the last tick", of(KeyType.End, "End").replay()),
    PLAY_SLOWER("replay: play slower", ch('<').replay()),
    PLAY_FASTER("replay: play faster", ch('>').replay()),
    FILTER("filter threads by name", ch('/')),
    ALL_THREADS("all JVM threads or ours", ch('a')),
    SORT("sort: name, state, CPU", ch('o')),
    PICK("pick another scenario", ch('p')),
    LESSON("the whole lesson", ch('l')),
    REDRAW("redraw the screen", ctrl('l')),
    HELP("this help", ch('?'), of(KeyType.F1, "F1"), ch('h')),
    CLOSE("close overlay/filter", of(KeyType.Escape, "Esc")),
    QUIT("quit", ch('q'), of(KeyType.F10, "F10"), ctrl('c'), ch('Q').quiet(), of(KeyType.EOF, "EOF").quiet()),
    /** What an autopilot's {@code start} does: starts the scenario again if it has ended. No key. */
    START("start an ended scenario again"),
    /** What an autopilot's {@code stop} does: stops a running scenario. No key. */
    STOP("stop a running scenario");

    private final String help;
    private final List<Key> keys;

    Action(String help, Key... keys) {
        this.help = help;
        this.keys = List.of(keys);
    }

    public String help() {
        return help;
    }

    public List<Key> keys() {
        return keys;
    }

    /** The keys help lists for it, in this mode, as "q F10 ^C"; empty when none. */
    public String keys(boolean ascii, boolean replay) {
        StringBuilder out = new StringBuilder();
        for (Key k : keys) {
            if (k.shown() && k.holdsIn(replay)) {
                out.append(out.length() == 0 ? "" : " ").append(k.label(ascii));
            }
        }
        return out.toString();
    }

    /** The first key help lists for it, live: what the footer shows. */
    public String key(boolean ascii) {
        String all = keys(ascii, false);
        int space = all.indexOf(' ');
        return space < 0 ? all : all.substring(0, space);
    }

    /** Only in a replay. */
    public boolean replayOnly() {
        return !keys.isEmpty() && keys.stream().allMatch(k -> k.mode() == Key.Mode.REPLAY);
    }
}
