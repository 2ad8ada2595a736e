package org.frontline.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * For tests of the sources' guards: every question goes to the sources, none is answered from
 * cache; and the proxied source has the production timeout and a breaker that trips after a few
 * failures and stays open, so that the fault tests take seconds. (Only this profile: elsewhere a
 * slow test machine must not open a breaker and spoil the tests that follow.)
 */
public class CacheOff implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String proxied = "frontline.sources." + SourceDatabases.PROXIED;
        return Map.of("frontline.cache.enabled", "false",
                proxied + ".timeout", "800ms",
                proxied + ".breaker.request-volume", "4",
                proxied + ".breaker.failure-ratio", "0.5",
                proxied + ".breaker.delay", "60s");
    }
}
