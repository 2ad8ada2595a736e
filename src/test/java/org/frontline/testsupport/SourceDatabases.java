package org.frontline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.frontline.sourcedata.PostgresServer;
import org.frontline.sourcedata.SyntheticSeeder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The five demo sources as real PostgreSQL databases for the Quarkus tests: the machine's server
 * when one answers (FRONTLINE_PG_* or 127.0.0.1:5432), else an embedded one. Each test database is
 * recreated, migrated with the source's own migrations, seeded with a small synthetic world
 * (which includes the walkthrough subjects) and loaded with the fixtures in
 * {@code src/test/resources/fixtures}. ASEANAPOL is reached through a {@link FaultProxy} so that
 * tests can slow it down, black-hole it or reset its connections. The cache gets the machine's
 * Redis or one of the tests' own ({@link TestRedis}).
 */
public class SourceDatabases implements QuarkusTestResourceLifecycleManager {

    /** The five demo sources, one per schema of the registry, in id order. */
    public static final List<String> SOURCES = org.frontline.sourcedata.SourceSchemas.TYPES.stream().sorted().toList();
    public static final String PROXIED = "aseanapol";
    /** The synthetic population each test source holds besides the fixtures. */
    public static final int PERSONS = 3000;
    public static final long SEED = 7;

    private static PostgresServer server;
    private static FaultProxy proxy;
    private static FaultProxy auditProxy;
    /** The name under which tests switch the audit database's proxy: FaultProxy.mode(AUDIT_PROXY, ...). */
    public static final String AUDIT_PROXY = "audit";

    public static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.configuredOrEmbedded();
        }
        return server;
    }

    /**
     * Named per checkout: test runs from several work trees on one PostgreSQL server must not drop
     * each other's databases in the middle of a test.
     */
    private static final String CHECKOUT = Integer.toHexString(
            java.nio.file.Paths.get("").toAbsolutePath().toString().hashCode() & 0xfffff);

    /** The audit database of the test runs of this checkout. */
    public static String auditDatabase() {
        return database("audit");
    }

    public static String database(String source) {
        return "fqt_" + CHECKOUT + "_" + source;
    }

    /** The key that signs the test runs' audit checkpoints. */
    public static final String CHECKPOINT_KEY = "test-only-audit-checkpoint-key-0123456789abcdef";

    /** The role that owns the audit tables of this checkout's test runs, and runs their migrations. */
    public static String auditOwner() {
        return database("audit_owner");
    }

    /** The role the service under test runs as: INSERT and SELECT on the audit tables, nothing more. */
    public static String auditWriter() {
        return database("audit_writer");
    }

    /** Connects to the audit database as the given role (the test server trusts local connections). */
    public static Connection connectAuditAs(String role) throws SQLException {
        PostgresServer pg = server();
        return java.sql.DriverManager.getConnection(pg.jdbcUrl(auditDatabase()), role, pg.password());
    }

    /** A fresh audit database owned by the owner role; both roles created once per server. */
    private static void prepareAudit(PostgresServer pg) throws SQLException {
        pg.dropDatabaseIfExists(auditDatabase());
        try (Connection c = pg.connect("postgres"); Statement st = c.createStatement()) {
            for (String role : List.of(auditOwner(), auditWriter())) {
                try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                    if (rs.next()) {
                        continue;
                    }
                }
                try {
                    st.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
                            + (pg.password().isEmpty() ? "" : " PASSWORD '" + pg.password().replace("'", "''") + "'"));
                } catch (SQLException e) {
                    if (!"42710".equals(e.getSQLState())) {   // created concurrently
                        throw e;
                    }
                }
            }
            st.execute("CREATE DATABASE " + auditDatabase() + " OWNER " + auditOwner());
        }
    }

    @Override
    public Map<String, String> start() {
        PostgresServer pg = server();
        Map<String, String> config = new HashMap<>();
        try {
            synchronized (SourceDatabases.class) {
                if (proxy == null) {
                    proxy = new FaultProxy(pg.host(), pg.port());
                }
                if (auditProxy == null) {
                    auditProxy = new FaultProxy(AUDIT_PROXY, pg.host(), pg.port());
                }
            }
            for (String source : SOURCES) {
                prepare(pg, source);
                String url = source.equals(PROXIED)
                        ? "postgresql://127.0.0.1:" + proxy.port() + "/" + database(source)
                        : pg.reactiveUrl(database(source));
                config.put("frontline.sources." + source + ".url", url);
                config.put("frontline.sources." + source + ".username", pg.user());
                if (!pg.password().isEmpty()) {
                    config.put("frontline.sources." + source + ".password", pg.password());
                }
            }
            prepareAudit(pg);
            // the audit database is reached through its own proxy, so that tests can take it away
            config.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + auditProxy.port() + "/" + auditDatabase());
            // least privilege as in production: the service runs as the writer (INSERT, SELECT), the
            // migration as the owner of the audit tables
            config.put("quarkus.datasource.username", auditWriter());
            config.put("frontline.audit.migration.username", auditOwner());
            if (!pg.password().isEmpty()) {
                config.put("quarkus.datasource.password", pg.password());
                config.put("frontline.audit.migration.password", pg.password());
            }
            config.put("frontline.audit.checkpoint.key", CHECKPOINT_KEY);
            // officer tokens: the test key pair (src/test/resources/tokens, never in the packaged service), as files,
            // so that a packaged service started by an integration test reads them too
            config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
            config.put("mp.jwt.verify.publickey.location", TestTokens.PUBLIC_KEY_LOCATION);
            config.put("smallrye.jwt.sign.key.location", TestTokens.PRIVATE_KEY_LOCATION);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not prepare the test source databases", e);
        }
        // the cache's Redis: the machine's or the tests' own, in a namespace of this application's own
        config.put("quarkus.redis.hosts", TestRedis.url());
        config.put("frontline.cache.namespace", "fqt-" + java.util.UUID.randomUUID());
        FaultProxy.reset();
        FaultProxy.mode(AUDIT_PROXY, FaultProxy.Mode.PASS);
        return config;
    }

    /** Drops, migrates and loads one source's test database. */
    public static void prepare(PostgresServer pg, String source) throws SQLException, IOException {
        String db = database(source);
        pg.dropDatabaseIfExists(db);
        pg.createDatabaseIfMissing(db);
        // the synthetic world (with the walkthrough subjects) as background, then the test fixtures
        SyntheticSeeder.seed(pg.jdbcUrl(db), pg.user(), pg.password(), source, SEED, PERSONS);
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             InputStream in = SourceDatabases.class.getResourceAsStream("/fixtures/" + source + ".sql")) {
            st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void stop() {
        FaultProxy.reset();
    }
}
