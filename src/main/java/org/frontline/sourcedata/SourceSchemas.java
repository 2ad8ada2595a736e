package org.frontline.sourcedata;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.frontline.source.SourceSchema;
import org.frontline.source.SourceType;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Migrates a source database to its schema (Flyway, history in its own table), from the locations
 * {@link SourceSchema#migrations()} names: {@code db/sources/common} and {@code db/sources/<schema>}.
 *
 * <p>The history of the layout, which databases migrated before it still carry. The common objects
 * (V4 name frequencies, V6 and V8 the name keys' year of birth) lived in {@code db/sources/shared} and
 * moved unchanged into {@code db/sources/common}: Flyway keys an applied script by version, description
 * and checksum (the CRC of its lines), never by its folder, so such a database validates as it is
 * ({@code MigrationLayoutTest} migrates one with the old layout, then validates and migrates it with
 * this one).
 *
 * <p>The change announcements were split. V2 was one script per schema: the same function body six times
 * (five sources and ECO's partner), then triggers naming the schema's own tables and key columns. The
 * function is now {@code common/V2__announce_changes.sql}, once; the triggers are each schema's
 * {@code V2_1__announce_triggers.sql}, written {@code CREATE OR REPLACE TRIGGER}. A database migrated
 * before the split holds V2 with one of the checksums in {@link #ANNOUNCEMENTS_BEFORE_SPLIT} and already
 * has the function and the triggers. {@link #migrate} recognises exactly those checksums, runs Flyway's
 * repair (which records the new V2's checksum against the applied row: its objects are the same
 * function) and then takes V2.1 out of order, which replaces the triggers by the same ones. Any other
 * checksum of an applied V2 is not ours to forgive and fails validation as before. V3 (name keys) and
 * V7 (name-key birth year) stay per schema: their functions read the schema's own person table and
 * columns, and the key table's record reference has the schema's own type.
 */
public final class SourceSchemas {

    /**
     * The PostgreSQL schema types this tooling migrates, COPYs and seeds ({@link SourceSchema#ids(SourceType)}),
     * also the ids of the demo's PostgreSQL sources. The MariaDB schema (AIMC) has its own tooling,
     * {@link AimcSeeder}: its migrations and writes are another dialect.
     */
    public static final List<String> TYPES = SourceSchema.ids(SourceType.POSTGRESQL);

    static final String HISTORY_TABLE = "frontline_source_schema_history";

    /**
     * The checksums of {@code db/sources/<schema>/V2__announce_changes.sql} as shipped before the split (class
     * comment): interpol, europol, ameripol, aseanapol and gccpol as pinned in {@code migrations/applied-checksums.tsv},
     * then eco. {@code MigrationLayoutTest} puts each of them back together from the scripts that replaced it
     * and migrates a database with it.
     */
    static final Set<Integer> ANNOUNCEMENTS_BEFORE_SPLIT = Set.of(
            -952143777, 1863894057, -1044603066, -1177736527, 163809536, 935499322);

    private SourceSchemas() {
    }

    /** Applies pending migrations of {@link SourceSchema#migrations()}; a no-op when up to date. */
    public static void migrate(String jdbcUrl, String user, String password, String schemaType) {
        requireKnown(schemaType);
        Flyway inOrder = flyway(jdbcUrl, user, password, schemaType, false);
        if (announcesAsBeforeTheSplit(inOrder)) {
            inOrder.repair();
        }
        // V3 (name keys) was written beside a concurrent V2 (change notifications); the two touch different
        // objects, so a database migrated to V3 first takes V2 when it arrives; and a database migrated
        // before the announcements were split takes V2.1 after its V9. Only such a database is migrated out
        // of order: Flyway warns on every out-of-order run, and a fresh or current database
        // (every test, every demo) has nothing to take out of order.
        boolean behind = Arrays.stream(inOrder.info().all()).anyMatch(m -> m.getState() == MigrationState.IGNORED);
        (behind ? flyway(jdbcUrl, user, password, schemaType, true) : inOrder).migrate();
    }

    /** Whether the database took V2 as one script per schema, before the split (class comment). */
    static boolean announcesAsBeforeTheSplit(Flyway flyway) {
        return Arrays.stream(flyway.info().applied())
                .anyMatch(m -> m.getVersion() != null && "2".equals(m.getVersion().getVersion())
                        && m.getChecksum() != null && ANNOUNCEMENTS_BEFORE_SPLIT.contains(m.getChecksum()));
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
