package org.frontline.testsupport;

/**
 * The faults a test injects on purpose (a proxy resetting the audit database's connections, a Redis
 * killed...), kept in system properties so that every class loader sees them: the test's, the test
 * resources' and the application's, whose log ({@link ExpectedFaultLog}) then says that the errors it
 * logs meanwhile were expected.
 */
public final class InjectedFaults {

    static final String PREFIX = "fqtest.fault.";
    /** How long after a fault is healed its consequences (late retries, reconnections) still count as expected. */
    static final long AFTERMATH_MS = 3_000;

    private InjectedFaults() {
    }

    /** A fault is in force from now, e.g. {@code begin("audit-db", "the audit database proxy resets connections")}. */
    public static void begin(String name, String what) {
        System.setProperty(PREFIX + name, "active|" + what);
    }

    /** The fault is healed now; what it caused may still be logged for a short while. */
    public static void end(String name) {
        String current = System.getProperty(PREFIX + name);
        if (current != null && current.startsWith("active|")) {
            System.setProperty(PREFIX + name, System.currentTimeMillis() + "|" + current.substring("active|".length()));
        }
    }

    /** A fault that has no end of its own (a process killed): expected for the aftermath from now. */
    public static void happened(String name, String what) {
        System.setProperty(PREFIX + name, System.currentTimeMillis() + "|" + what);
    }

    /** What is injected now (or was, within the aftermath), for the log; null when nothing is. */
    static String current(long nowMs) {
        for (String key : System.getProperties().stringPropertyNames()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String value = System.getProperty(key, "");
            int bar = value.indexOf('|');
            if (bar < 0) {
                continue;
            }
            String when = value.substring(0, bar);
            String what = value.substring(bar + 1);
            if (when.equals("active")) {
                return what;
            }
            try {
                if (nowMs - Long.parseLong(when) <= AFTERMATH_MS) {
                    return what + " (just healed)";
                }
            } catch (NumberFormatException ignored) {
                // not ours
            }
        }
        return null;
    }
}
