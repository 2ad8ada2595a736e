package org.frontline.sourcedata;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.frontline.source.SourceSchema;
import org.frontline.source.SourceType;

import java.util.Arrays;
import java.util.List;

/**
 * Migrates a source database to its schema (Flyway, history in its own table), from the locations
 * {@link SourceSchema#migrations()} names: {@code db/sources/common} and {@code db/sources/<schema>}.
 *
 * <p>The history of the layout, which databases migrated before it still carry. The common objects
 * (V4 name frequencies, V6 and V8 the name keys' year of birth) lived in {@code db/sources/shared} and
 * moved unchanged into {@code db/sources/common}: Flyway keys an applied script by version, description
 * and checksum (the CRC of its lines), never by its folder, so such a database validates as it is
 * ({@code MigrationLayoutTest} migrates one with the old layout, then validates and migrates it with
 * this one). The per-schema near-copies stay where they are, and why: V2 (change announcements) has
 * one function body common to all five but its triggers name the schema's own tables and key columns;
 * V3 (name keys) and V7 (name-key birth year) differ in the schema's person table and its columns.
 * Making any of them one script would change checksums already applied in deployed databases. From
 * now on an object that is the same for every schema goes into common, once, under the next version.
 */
public final class SourceSchemas {

    /**
     * The PostgreSQL schema types this tooling migrates, COPYs and seeds ({@link SourceSchema#ids(SourceType)}),
     * also the ids of the demo's PostgreSQL sources. The MariaDB schema (AIMC) has its own tooling,
     * {@link AimcSeeder}: its migrations and writes are another dialect.
     */
    public static final List<String> TYPES = SourceSchema.ids(SourceType.POSTGRESQL);

    static final String HISTORY_TABLE = "frontline_source_schema_history";

    private SourceSchemas() {
    }

    /** Applies pending migrations of {@link SourceSchema#migrations()}; a no-op when up to date. */
    public static void migrate(String jdbcUrl, String user, String password, String schemaType) {
        requireKnown(schemaType);
        Flyway inOrder = flyway(jdbcUrl, user, password, schemaType, false);
        // V3 (name keys) was written beside a concurrent V2 (change notifications); the two touch different
        // objects, so a database migrated to V3 first takes V2 when it arrives. Only such a database is
        // migrated out of order: Flyway warns on every out-of-order run, and a fresh or current database
        // (every test, every demo) has nothing to take out of order.
        boolean behind = Arrays.stream(inOrder.info().all()).anyMatch(m -> m.getState() == MigrationState.IGNORED);
        (behind ? flyway(jdbcUrl, user, password, schemaType, true) : inOrder).migrate();
    }

    private static Flyway flyway(String jdbcUrl, String user, String password, String schemaType, boolean outOfOrder) {
        return Flyway.configure()
                .dataSource(withTimeouts(jdbcUrl), user, password == null ? "" : password)
                .locations(SourceSchema.of(schemaType).migrations().toArray(String[]::new))
                .table(HISTORY_TABLE)
                .outOfOrder(outOfOrder)
                .connectRetries(0)
                .load();
    }

    /**
     * A schema kept in PostgreSQL: a PostgreSQL source's, or ECO's (the database behind its partner's API, which
     * this tooling seeds for the partner process). A MariaDB one is refused (its tooling is {@link AimcSeeder}).
     */
    static String requireKnown(String schemaType) {
        SourceSchema schema = SourceSchema.of(schemaType);
        if (!schema.storedInPostgres()) {
            throw new IllegalArgumentException("schema '" + schema.id() + "' is a " + schema.type().configName()
                    + " schema: this tooling migrates and writes PostgreSQL ones (" + String.join(", ", TYPES) + ")");
        }
        return schema.id();
    }

    /** Adds connect and socket timeouts unless the URL sets them, so that nothing waits forever. */
    static String withTimeouts(String jdbcUrl) {
        String url = jdbcUrl;
        if (!url.contains("connectTimeout=")) {
            url += (url.contains("?") ? "&" : "?") + "connectTimeout=10";
        }
        if (!url.contains("socketTimeout=")) {
            url += "&socketTimeout=3600";
        }
        // the migrations' notices ("extension pg_trgm already exists, skipping": V1 and V3 both ensure it) are
        // not warnings: the server keeps them to itself, and Flyway no longer logs each one as a WARN
        if (!url.contains("options=")) {
            url += "&options=-c%20client_min_messages%3Dwarning";
        }
        return url;
    }
}
