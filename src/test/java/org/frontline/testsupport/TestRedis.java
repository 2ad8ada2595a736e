package org.frontline.testsupport;

/**
 * The Redis the Quarkus tests share: the machine's at 127.0.0.1:6379 when it answers, else one of
 * the tests' own ({@link RedisProcess}) started once per JVM. Each test application gets a namespace
 * of its own in it, so runs never read each other's answers. {@code -Dfqtest.redis=own} skips the
 * machine's Redis, as on a machine without one.
 */
public final class TestRedis {

    private static String url;

    private TestRedis() {
    }

    public static synchronized String url() {
        if (url == null) {
            // -Dfqtest.redis=own runs the tests as on a machine without Redis
            if (!"own".equals(System.getProperty("fqtest.redis")) && RedisProcess.answers("127.0.0.1", 6379)) {
                url = "redis://127.0.0.1:6379";
            } else {
                url = RedisProcess.start().url();   // killed when the JVM ends
            }
        }
        return url;
    }
}
