package org.frontline.source;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A source is its type plus its schema ({@code frontline.sources.<id>.type}, {@code .schema}): what the
 * service starts with, and the start-up refusals that name the key at fault. A source the service
 * could not read is never skipped quietly: it would look like a source that holds nothing.
 */
class SourceTypeConfigTest {

    @Test
    void aSecondDatabaseOfAKnownSchemaIsItsTypeAndSchema() {
        assertSame(SourceSchema.INTERPOL, SourceRegistry.schemaOf("interpol2", "postgresql", Optional.of("interpol")));
        assertSame(SourceSchema.EUROPOL, SourceRegistry.schemaOf("europol", "POSTGRESQL", Optional.empty()),
                "the schema defaults to the source id");
    }

    @Test
    void aMariaDbSourceIsTheAimcSchema() {
        assertSame(SourceSchema.AIMC, SourceRegistry.schemaOf("aimc", "mariadb", Optional.empty()));
        assertSame(SourceSchema.AIMC, SourceRegistry.schemaOf("aimc-tunis", "MariaDB", Optional.of("aimc")));
    }

    @Test
    void anHttpSourceIsTheEcoSchemaAndNoOtherReadsOverHttp() {
        assertSame(SourceSchema.ECO, SourceRegistry.schemaOf("eco", "http", Optional.empty()));
        assertSame(SourceSchema.ECO, SourceRegistry.schemaOf("eco-baku", "HTTP", Optional.of("eco")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SourceRegistry.schemaOf("eco", "http", Optional.of("interpol")));
        assertEquals("frontline.sources.eco.type: schema 'interpol' is read over postgresql, not http", e.getMessage());
    }

    @Test
    void aTypeThatIsNotTheSchemasRefusesToStart() {
        IllegalStateException mariadb = assertThrows(IllegalStateException.class,
                () -> SourceRegistry.schemaOf("interpol", "mariadb", Optional.empty()));
        assertEquals("frontline.sources.interpol.type: schema 'interpol' is read over postgresql, not mariadb",
                mariadb.getMessage());
        IllegalStateException postgres = assertThrows(IllegalStateException.class,
                () -> SourceRegistry.schemaOf("aimc", "postgresql", Optional.empty()));
        assertEquals("frontline.sources.aimc.type: schema 'aimc' is read over mariadb, not postgresql",
                postgres.getMessage());
    }

    @Test
    void anUnknownTypeOrSchemaNamesTheKey() {
        IllegalStateException type = assertThrows(IllegalStateException.class,
                () -> SourceRegistry.schemaOf("x", "oracle", Optional.of("interpol")));
        assertTrue(type.getMessage().startsWith("frontline.sources.x.type: unknown source type 'oracle'"), type.getMessage());
        IllegalStateException schema = assertThrows(IllegalStateException.class,
                () -> SourceRegistry.schemaOf("interpol2", "postgresql", Optional.empty()));
        assertTrue(schema.getMessage().startsWith("frontline.sources.interpol2.schema: unknown schema 'interpol2'"),
                schema.getMessage());
        assertTrue(schema.getMessage().endsWith("(the schema defaults to the source id; set frontline.sources.interpol2.schema)"),
                schema.getMessage());
    }
}
