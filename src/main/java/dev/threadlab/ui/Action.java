package dev.threadlab.ui;

/**
 * Everything a key can do, with the keys and words the footer and the help overlay show: one table,
 * so a key and its help cannot drift apart.
 */
public enum Action {
    UP("↑ k", "Up k", "move up"),
    DOWN("↓ j", "Dn j", "move down"),
    PAGE_UP("PgUp", "PgUp", "page up"),
    PAGE_DOWN("PgDn", "PgDn", "page down"),
    HOME("Home g", "Home g", "first row"),
    END("End G", "End G", "last row"),
    OPEN("⏎", "Enter", "stack of the thread"),
    NEXT_PANE("⇥", "Tab", "next pane (unfolds it)"),
    PREVIOUS_PANE("⇧⇥", "S-Tab", "previous pane"),
    START_STOP("s", "s", "start/stop the scenario"),
    RESTART("r", "r", "restart the scenario"),
    STEP(".", ".", "one step (an ended run: again)"),
    CONTINUE("c", "c", "leave step mode"),
    PAUSE("␣", "Space", "pause/resume sampling"),
    FASTER("+", "+", "sample more often"),
    SLOWER("-", "-", "sample less often"),
    FILTER("/", "/", "filter threads by name"),
    ALL_THREADS("a", "a", "all JVM threads or ours"),
    SORT("o", "o", "sort: name, state, CPU"),
    PICK("p", "p", "pick another scenario"),
    LESSON("l", "l", "the whole lesson"),
    REDRAW("^L", "^L", "redraw the screen"),
    HELP("? F1", "? F1", "this help"),
    CLOSE("Esc", "Esc", "close overlay/filter"),
    QUIT("q F10", "q F10", "quit");

    private final String keys;
    private final String asciiKeys;
    private final String help;

    Action(String keys, String asciiKeys, String help) {
        this.keys = keys;
        this.asciiKeys = asciiKeys;
        this.help = help;
    }

    public String keys(boolean ascii) {
        return ascii ? asciiKeys : keys;
    }

    public String help() {
        return help;
    }
}
