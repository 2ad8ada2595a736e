package org.frontline.source.eco;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.frontline.testsupport.EcoPartner;

import java.util.List;
import java.util.Map;

/**
 * A test profile for ECO's own behaviour: no cache (every question reaches the partner), and the partner
 * process started with the settings of ECO's source that the test needs ({@link EcoPartner}'s arguments:
 * {@code timeout}, {@code breaker.*}, {@code proxy-at-start}...). Each test's profile names only those.
 */
abstract class EcoPartnerProfile implements QuarkusTestProfile {

    /** ECO's source settings for this profile, as {@link EcoPartner} takes them. */
    abstract Map<String, String> eco();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("frontline.cache.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EcoPartner.class, eco()));
    }
}
