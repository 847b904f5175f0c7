package dev.threadlab.probe;

/**
 * Turns the JVM's name for a lock ({@code java.util.concurrent.locks.ReentrantLock$NonfairSync@1b6d3586})
 * into one a person knows ({@code ReentrantLock 'A'}).
 */
public interface LockNames {

    /**
     * @param jvmLockName {@code ThreadInfo.getLockName()}: class name, '@', identity hash in hex
     * @param waiterId    the id of a thread waiting for it, which helps find locks known by their queue
     */
    String describe(String jvmLockName, long waiterId);

    /** Names nobody registered: the short class name and the identity hash, enough to tell two apart. */
    LockNames PLAIN = (jvmLockName, waiterId) -> shortName(jvmLockName);

    static String shortName(String jvmLockName) {
        int at = jvmLockName.lastIndexOf('@');
        String cls = at < 0 ? jvmLockName : jvmLockName.substring(0, at);
        String hash = at < 0 ? "" : jvmLockName.substring(at);
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        // ReentrantLock$NonfairSync is the lock's inner queue: name the lock, not its sync object.
        int dollar = cls.indexOf('$');
        if (dollar > 0 && cls.endsWith("Sync")) {
            cls = cls.substring(0, dollar);
        } else if (cls.endsWith("$ConditionObject")) {
            cls = "Condition";
        }
        return cls + hash;
    }
}
