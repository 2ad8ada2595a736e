package org.frontline.source;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A source added by environment variables alone (a Kubernetes overlay's ConfigMap and Secret), with no
 * line of application.properties: SmallRye Config maps FRONTLINE_SOURCES_INTERPOL2_* onto
 * {@code frontline.sources.interpol2.*} through {@link SourcesConfig}, dashed keys included.
 */
class SourcesFromEnvironmentTest {

    @Test
    void anAddedSourceIsReadFromTheEnvironment() {
        Map<String, String> env = Map.of(
                "FRONTLINE_SOURCES_INTERPOL2_TYPE", "postgresql",
                "FRONTLINE_SOURCES_INTERPOL2_SCHEMA", "interpol",
                "FRONTLINE_SOURCES_INTERPOL2_ORGANISATION", "INTERPOL",
                "FRONTLINE_SOURCES_INTERPOL2_CONTACT_POINT", "INTERPOL NCB Wiesbaden",
                "FRONTLINE_SOURCES_INTERPOL2_URL", "postgresql://interpol2-db.invalid:5432/fq_interpol2",
                "FRONTLINE_SOURCES_INTERPOL2_POOL_SIZE", "4",
                "FRONTLINE_SOURCES_INTERPOL2_BREAKER_REQUEST_VOLUME", "20");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(env, 300))
                .withConverter(Duration.class, 200, new DurationConverter())   // as Quarkus reads "800ms"
                .withConverter(io.quarkus.runtime.configuration.MemorySize.class, 200,
                        new io.quarkus.runtime.configuration.MemorySizeConverter())   // as Quarkus reads "1M"
                .withMapping(SourcesConfig.class)
                .build();
        SourcesConfig.Source added = config.getConfigMapping(SourcesConfig.class).sources().get("interpol2");
        assertEquals("postgresql", added.type());
        assertEquals("interpol", added.schema().orElseThrow());
        assertEquals("INTERPOL NCB Wiesbaden", added.contactPoint());
        assertEquals("postgresql://interpol2-db.invalid:5432/fq_interpol2", added.url());
        assertEquals(4, added.poolSize());
        assertEquals(20, added.breaker().requestVolume());
        assertEquals(1024 * 1024, added.maxResponseBytes().asLongValue(), "the default bound of a partner's answer");
        assertEquals(SourceSchema.INTERPOL, SourceRegistry.schemaOf("interpol2", added.type(), added.schema()));
    }
}
