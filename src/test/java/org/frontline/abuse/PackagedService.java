package org.frontline.abuse;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the packaged service (prod profile) needs under {@code @QuarkusIntegrationTest} besides the
 * test databases: the test officers' key and issuer, no trace exporter, the @QuarkusTest profile's
 * generous budgets (a busy 2-core machine must not read as a failing source), and a Redis
 * namespace the test knows ({@link #NAMESPACE}), so that it can look at the service's keys.
 * Runs after {@link SourceDatabases} and before a {@code DedicatedRedis}.
 */
public class PackagedService implements QuarkusTestResourceLifecycleManager {

    /** The system property the test reads the namespace from (test resources and tests may not share a class loader). */
    public static final String NAMESPACE = "fqtest.packaged.namespace";
    /** The rate limit the packaged service runs with: small, so that one officer reaches it quickly. */
    public static final int PER_MINUTE = 20;
    /** The bound of each instance's own rate-limit window, below the 11,000 officers of the abuse test. */
    public static final int LOCAL_MAX_OFFICERS = 2_000;

    @Override
    public Map<String, String> start() {
        String namespace = "fqt-abuse-" + UUID.randomUUID();
        System.setProperty(NAMESPACE, namespace);
        Map<String, String> config = new HashMap<>();
        config.put("frontline.cache.namespace", namespace);
        config.put("quarkus.otel.sdk.disabled", "true");
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("frontline.search.default-deadline", "6s");
        config.put("frontline.search.max-deadline", "10s");
        for (String source : SourceDatabases.SOURCES) {
            config.put("frontline.sources." + source + ".timeout", "4s");
        }
        config.put("frontline.audit.timeout", "5s");
        config.put("frontline.access.rate-limit.per-minute", Integer.toString(PER_MINUTE));
        config.put("frontline.access.rate-limit.local-max-officers", Integer.toString(LOCAL_MAX_OFFICERS));
        return config;
    }

    /** After the source databases (which name a namespace of their own), before a dedicated Redis (100). */
    @Override
    public int order() {
        return 50;
    }

    @Override
    public void stop() {
        System.clearProperty(NAMESPACE);
    }
}
