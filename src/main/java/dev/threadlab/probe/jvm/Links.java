package dev.threadlab.probe.jvm;

/** Why a call to another JVM failed, in a few words a person can act on. */
public final class Links {
    private Links() {
    }

    public static String reason(Throwable t) {
        String msg = LocalJvms.rootMessage(t);
        if (msg.contains("Connection refused") || msg.contains("Connection reset") || msg.contains("Broken pipe")
                || msg.contains("EOF") || msg.contains("no such object") || msg.contains("Read timed out")) {
            return "the JVM went away or stopped answering (" + msg + ")";
        }
        return msg;
    }
}
