package org.frontline.abuse;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;

import java.util.HashMap;
import java.util.Map;

/**
 * What the packaged service (prod profile) needs beside {@link SourceDatabases} to be attacked by the
 * abuse tests: it verifies the tests' officer tokens (the demo public key and issuer, as
 * {@code TwoInstancesIT} does), runs without an OTLP exporter, and has the test profile's generous
 * budgets, so that a busy 2-core machine does not read as a failing source.
 */
public class PackagedServiceConfig implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.otel.sdk.disabled", "true");
        config.put("frontline.search.default-deadline", "6s");
        config.put("frontline.search.max-deadline", "10s");
        for (String source : SourceDatabases.SOURCES) {
            config.put("frontline.sources." + source + ".timeout", "4s");
        }
        config.put("frontline.audit.timeout", "5s");
        return config;
    }

    @Override
    public void stop() {
    }
}
