package org.frontline.source;

import org.frontline.model.QueryKind;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one registry of schemas: each schema's reader, writer and migrations agree and are where it says. */
class SourceSchemaTest {

    @Test
    void theSevenSchemasInTheirOrder() {
        assertEquals(List.of("interpol", "europol", "ameripol", "aseanapol", "gccpol", "aimc", "eco"), SourceSchema.ids());
        assertEquals(List.of("interpol", "europol", "ameripol", "aseanapol", "gccpol"), SourceSchema.ids(SourceType.POSTGRESQL));
        assertEquals(List.of("aimc"), SourceSchema.ids(SourceType.MARIADB));
        assertEquals(List.of("eco"), SourceSchema.ids(SourceType.HTTP));
        assertSame(SourceSchema.GCCPOL, SourceSchema.of(" GccPol "));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SourceSchema.of("sco"));
        assertTrue(unknown.getMessage().contains("'sco'") && unknown.getMessage().contains("interpol, europol"),
                unknown.getMessage());
    }

    @Test
    void readerAndWriterAnswerTheSameKinds() {
        for (SourceSchema schema : SourceSchema.values()) {
            SourceConnector reader = schema.type() == SourceType.HTTP
                    ? schema.connector(new PartnerLink(schema.id(), java.net.URI.create("http://127.0.0.1:1"), "client", "secret",
                            25, 4, 1 << 20, java.time.Duration.ofSeconds(1), java.time.Clock.systemUTC()), UnreadableCodes.UNCOUNTED)
                    : schema.connector((io.vertx.mutiny.sqlclient.Pool) null, UnreadableCodes.UNCOUNTED);
            assertEquals(reader.kinds(), schema.kinds(), schema.id());
            assertEquals(EnumSet.allOf(QueryKind.class), schema.kinds(), schema.id() + " holds persons, documents, vehicles");
            assertTrue(reader.getClass().getPackageName().endsWith("." + schema.id()), "reader in source/" + schema.id());
            assertTrue(schema.writer().getClass().getPackageName().endsWith("." + schema.id()), "writer in source/" + schema.id());
        }
    }

    @Test
    void migrationsAreTheCommonFolderThenTheSchemasOwn() {
        for (SourceSchema schema : SourceSchema.values()) {
            List<String> locations = schema.migrations();
            assertEquals(schema.type() != SourceType.MARIADB
                    ? List.of("classpath:db/sources/common", "classpath:db/sources/" + schema.id())
                    : List.of("classpath:db/sources/" + schema.id()), locations, "MariaDB: its own folder only");
            URL own = getClass().getClassLoader().getResource("db/sources/" + schema.id() + "/V1__" + schema.id() + "_schema.sql");
            assertNotNull(own, schema.id() + ": its V1 in its own folder");
        }
        assertNotNull(getClass().getClassLoader().getResource("db/sources/common/V4__name_frequencies.sql"));
    }

    @Test
    void typesAreSpelledAsConfigured() {
        assertSame(SourceType.POSTGRESQL, SourceType.of("PostgreSQL"));
        assertEquals(Set.of(SourceType.POSTGRESQL, SourceType.MARIADB, SourceType.HTTP), EnumSet.copyOf(List.of(SourceType.values()).stream()
                .filter(SourceType::supported).toList()));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SourceType.of("oracle"));
        assertTrue(unknown.getMessage().contains("postgresql, mariadb, http"), unknown.getMessage());
    }
}
