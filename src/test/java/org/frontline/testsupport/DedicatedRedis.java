package org.frontline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.util.Map;

/**
 * A Redis of this test's own ({@link RedisProcess}) behind a {@link FaultProxy} named "redis", for
 * tests that kill Redis or make it hang: never the machine's shared Redis. The test finds the
 * process and the port in system properties (test resources and test classes may not share a class
 * loader), kills it with {@link RedisProcess#kill(long)} and starts another with
 * {@link RedisProcess#startOn(int)}.
 */
public class DedicatedRedis implements QuarkusTestResourceLifecycleManager {

    public static final String PROXY = "redis";
    public static final String PID = "fqtest.dedicated-redis.pid";
    public static final String PORT = "fqtest.dedicated-redis.port";
    public static final String PROXY_PORT = "fqtest.dedicated-redis.proxy-port";

    private RedisProcess redis;
    private FaultProxy proxy;

    @Override
    public Map<String, String> start() {
        redis = RedisProcess.start();
        try {
            proxy = new FaultProxy(PROXY, "127.0.0.1", redis.port());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        FaultProxy.mode(PROXY, FaultProxy.Mode.PASS);
        System.setProperty(PID, Long.toString(redis.pid()));
        System.setProperty(PORT, Integer.toString(redis.port()));
        System.setProperty(PROXY_PORT, Integer.toString(proxy.port()));
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.port());
    }

    /** After the source databases (which name the shared Redis), so that this one wins. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        FaultProxy.mode(PROXY, FaultProxy.Mode.PASS);
        String pid = System.getProperty(PID);
        if (pid != null) {
            RedisProcess.kill(Long.parseLong(pid));
        }
        if (redis != null) {
            redis.kill();
        }
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
