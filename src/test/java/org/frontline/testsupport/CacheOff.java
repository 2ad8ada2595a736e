package org.frontline.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** For tests of the sources' guards: every question goes to the sources, none is answered from cache. */
public class CacheOff implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("frontline.cache.enabled", "false");
    }
}
