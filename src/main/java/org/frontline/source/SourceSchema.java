package org.frontline.source;

import io.vertx.mutiny.sqlclient.Pool;
import org.frontline.model.QueryKind;
import org.frontline.source.aimc.AimcConnector;
import org.frontline.source.aimc.AimcWriter;
import org.frontline.source.ameripol.AmeripolConnector;
import org.frontline.source.ameripol.AmeripolWriter;
import org.frontline.source.aseanapol.AseanapolConnector;
import org.frontline.source.aseanapol.AseanapolWriter;
import org.frontline.source.eco.EcoConnector;
import org.frontline.source.eco.EcoWriter;
import org.frontline.source.europol.EuropolConnector;
import org.frontline.source.europol.EuropolWriter;
import org.frontline.source.gccpol.GccpolConnector;
import org.frontline.source.gccpol.GccpolWriter;
import org.frontline.source.interpol.InterpolConnector;
import org.frontline.source.interpol.InterpolWriter;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The schemas the service can read and the tooling can write: the one list of them. A schema is an
 * organisation's own layout of its records; everything that knows it lives in {@code source/<id>/}
 * (its Connector reads it, its Writer writes it, both through its Vocabulary) and in its migrations,
 * {@code db/sources/<id>/} beside {@code db/sources/common/}.
 *
 * <p>A source ({@code frontline.sources.<id>}) names its schema; several sources may share one (a second
 * INTERPOL-style database is configuration only). Adding a schema is one constant here, one folder of
 * Java and one folder of migrations.
 */
public enum SourceSchema {

    INTERPOL(SourceType.POSTGRESQL, InterpolConnector::new, new InterpolWriter()),
    EUROPOL(SourceType.POSTGRESQL, EuropolConnector::new, new EuropolWriter()),
    AMERIPOL(SourceType.POSTGRESQL, AmeripolConnector::new, new AmeripolWriter()),
    ASEANAPOL(SourceType.POSTGRESQL, AseanapolConnector::new, new AseanapolWriter()),
    GCCPOL(SourceType.POSTGRESQL, GccpolConnector::new, new GccpolWriter()),
    /** The Arab Interior Ministers Council's register, on MariaDB (issue #17 item 1). */
    AIMC(SourceType.MARIADB, AimcConnector::new, new AimcWriter()),
    /**
     * The Economic Cooperation Organization's register, reached only through its partner's HTTP API (issue #17
     * item 2). Its writer writes the partner's own database (PostgreSQL, seeded by this tooling), never read by us.
     */
    ECO(SourceType.HTTP, null, EcoConnector::new, new EcoWriter());

    /** Builds a schema's connector on a source's pool. */
    @FunctionalInterface
    public interface ConnectorFactory {
        SourceConnector connect(Pool pool, UnreadableCodes unreadable);
    }

    /** Builds a schema's connector on a partner API's link (type http). */
    @FunctionalInterface
    public interface ApiConnectorFactory {
        SourceConnector connect(PartnerLink link, UnreadableCodes unreadable);
    }

    /** Where the migrations common to every database schema live (change announcements, name keys). */
    public static final String COMMON_MIGRATIONS = "classpath:db/sources/common";

    private static final Set<QueryKind> ALL_KINDS = EnumSet.allOf(QueryKind.class);

    private final SourceType type;
    private final ConnectorFactory connector;
    private final ApiConnectorFactory apiConnector;
    private final SourceWriter writer;

    SourceSchema(SourceType type, ConnectorFactory connector, SourceWriter writer) {
        this(type, connector, null, writer);
    }

    SourceSchema(SourceType type, ConnectorFactory connector, ApiConnectorFactory apiConnector, SourceWriter writer) {
        this.type = type;
        this.connector = connector;
        this.apiConnector = apiConnector;
        this.writer = writer;
    }

    /** How configuration and the migrations' folder spell it: interpol, europol... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public SourceType type() {
        return type;
    }

    /** What the schema can answer: the kinds its writer has tables for. */
    public Set<QueryKind> kinds() {
        Set<QueryKind> kinds = EnumSet.noneOf(QueryKind.class);
        writer.tables().forEach(t -> kinds.add(t.kind()));
        return kinds.isEmpty() ? ALL_KINDS : kinds;
    }

    /** Its reader on a source's pool (a database schema). */
    public SourceConnector connector(Pool pool, UnreadableCodes unreadable) {
        if (connector == null) {
            throw new IllegalStateException("schema '" + id() + "' is read over " + type.configName() + ", not a pool");
        }
        return connector.connect(pool, unreadable);
    }

    /** Its reader on a partner API (a schema of type http). */
    public SourceConnector connector(PartnerLink link, UnreadableCodes unreadable) {
        if (apiConnector == null) {
            throw new IllegalStateException("schema '" + id() + "' is read over " + type.configName() + ", not an HTTP API");
        }
        return apiConnector.connect(link, unreadable);
    }

    /**
     * Whether its records are kept in PostgreSQL: a PostgreSQL source's own database, or the database behind a
     * partner's API (ECO's partner, which this project ships and seeds). The PostgreSQL tooling migrates and
     * seeds exactly these.
     */
    public boolean storedInPostgres() {
        return type == SourceType.POSTGRESQL || type == SourceType.HTTP;
    }

    /** Its writer, for the tooling that seeds and loads a source database. */
    public SourceWriter writer() {
        return writer;
    }

    /**
     * Its Flyway locations, one version sequence: the objects every PostgreSQL source database carries, then
     * its own tables and triggers. The history table records a script by version, description and checksum,
     * not by folder, so a script moved unchanged between these folders stays applied. A MariaDB schema has
     * its own folder only: the common objects are PostgreSQL's (pg_trgm, plpgsql, NOTIFY), and its
     * folder carries their MariaDB counterparts. An HTTP schema's folder is its partner's database (PostgreSQL).
     */
    public List<String> migrations() {
        String own = "classpath:db/sources/" + id();
        return storedInPostgres() ? List.of(COMMON_MIGRATIONS, own) : List.of(own);
    }

    /** Every schema's id, in declaration order (interpol, europol, ameripol, aseanapol, gccpol, aimc, eco). */
    public static List<String> ids() {
        return Arrays.stream(values()).map(SourceSchema::id).toList();
    }

    /** The ids of the schemas of one type, in declaration order. */
    public static List<String> ids(SourceType type) {
        return Arrays.stream(values()).filter(s -> s.type == type).map(SourceSchema::id).toList();
    }

    /** The schema of this id (any case); an unknown id is refused with the known ones. */
    public static SourceSchema of(String id) {
        for (SourceSchema schema : values()) {
            if (schema.id().equalsIgnoreCase(id.trim())) {
                return schema;
            }
        }
        throw new IllegalArgumentException("unknown schema '" + id + "'; known: " + String.join(", ", ids()));
    }
}
