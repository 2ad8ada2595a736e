package org.frontline.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo caches under a namespace of its own, new every run, unless one is set (DemoFrontDoorIT: in Redis). */
class DemoCacheNamespaceTest {

    private static final String PROPERTY = "frontline.cache.namespace";

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void eachRunGetsAFreshNamespace() {
        String first = DemoSources.useOwnCacheNamespace();
        assertTrue(first.matches("fq-demo-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), first);
        assertEquals(first, System.getProperty(PROPERTY), "the service reads it from the system property");
        System.clearProperty(PROPERTY);
        assertNotEquals(first, DemoSources.useOwnCacheNamespace(), "another run, another namespace");
    }

    @Test
    void aNamespaceSetOnPurposeIsKept() {
        System.setProperty(PROPERTY, "fq-shared-demo");
        assertEquals("fq-shared-demo", DemoSources.useOwnCacheNamespace());
        assertEquals("fq-shared-demo", System.getProperty(PROPERTY));
    }
}
