package org.frontline.sourcedata;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;

import java.util.Arrays;
import java.util.List;

/** Migrates a source database to its schema type (Flyway, history in its own table). */
public final class SourceSchemas {

    /** The schema types shipped, which are also the five demo source ids. */
    public static final List<String> TYPES = List.of("interpol", "europol", "ameripol", "aseanapol", "gccpol");

    static final String HISTORY_TABLE = "frontline_source_schema_history";

    private SourceSchemas() {
    }

    /**
     * Where the migrations common to every schema live (objects of ours beside any source, written once
     * rather than five times): migrated with the schema's own, their versions one sequence with them.
     */
    static final String SHARED = "classpath:db/sources/shared";

    /** Applies pending migrations of {@code db/sources/<schemaType>} and {@link #SHARED}; a no-op when up to date. */
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
                .locations(SHARED, "classpath:db/sources/" + schemaType)
                .table(HISTORY_TABLE)
                .outOfOrder(outOfOrder)
                .connectRetries(0)
                .load();
    }

    static String requireKnown(String schemaType) {
        if (!TYPES.contains(schemaType)) {
            throw new IllegalArgumentException("unknown schema type '" + schemaType + "', expected one of " + TYPES);
        }
        return schemaType;
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
