package org.frontline.demo;

import org.frontline.partner.eco.EcoPartnerProcess;
import org.frontline.sourcedata.AimcSeeder;
import org.frontline.sourcedata.PostgresServer;
import org.frontline.sourcedata.SourceSchemas;
import org.frontline.sourcedata.SyntheticSeeder;
import org.jboss.logging.Logger;

/**
 * The demo's sources: one embedded PostgreSQL (real binaries), one database per source, each
 * migrated with its organisation's schema and seeded with the synthetic world plus the walkthrough
 * subjects. The service is then pointed at them through system properties, which outrank
 * application.properties.
 */
final class DemoSources {

    private static final Logger LOG = Logger.getLogger(DemoSources.class);

    private DemoSources() {
    }

    /** Read before Quarkus starts, so from a system property or the environment directly. */
    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /**
     * The demo's own cache namespace, unless one is set: the Redis on 127.0.0.1:6379, when one answers,
     * may hold what another demo, a test or a deployment cached under the default namespace, from other
     * data. Under a namespace of its own (fq-demo-&lt;random&gt;, new every run) a demo never reads an answer
     * it did not cache itself.
     */
    static String useOwnCacheNamespace() {
        String namespace = setting("frontline.cache.namespace", "FRONTLINE_CACHE_NAMESPACE", null);
        if (namespace == null) {
            namespace = "fq-demo-" + java.util.UUID.randomUUID();
            System.setProperty("frontline.cache.namespace", namespace);
        }
        return namespace;
    }

    static void startAndSeed() {
        int persons = Integer.parseInt(setting("frontline.demo.persons", "FRONTLINE_DEMO_PERSONS", "10000"));
        long seed = Long.parseLong(setting("frontline.demo.seed", "FRONTLINE_DEMO_SEED", "42"));
        long start = System.nanoTime();
        LOG.info("demo: starting an embedded PostgreSQL for the five regional sources");
        PostgresServer pg = PostgresServer.embedded(null, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "demo-postgres-stop"));
        for (String source : SourceSchemas.TYPES) {
            String db = "fq_demo_" + source;
            pg.createDatabaseIfMissing(db);
            SyntheticSeeder.Result result = SyntheticSeeder.seed(pg.jdbcUrl(db), pg.user(), pg.password(), source, seed, persons);
            LOG.infof("demo: %s seeded, %d rows", source, result.totalRows());
            System.setProperty("frontline.sources." + source + ".url", pg.reactiveUrl(db));
            System.setProperty("frontline.sources." + source + ".username", pg.user());
        }
        startAimcIfMariaDbAnswers(seed, persons);
        EcoPartnerProcess partner = startEcoPartner(pg, "fq_demo_eco_partner", seed, persons);
        if (partner != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(partner::close, "demo-eco-partner-stop"));
        }
        // the audit database with least privilege, as in production: its tables belong to an owner role that
        // runs the migration; the service runs as a writer that may INSERT and SELECT only (AuditSchema)
        try (java.sql.Connection c = pg.connect("postgres"); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE ROLE fq_demo_audit_owner LOGIN");
            st.execute("CREATE ROLE fq_demo_audit_writer LOGIN");
            st.execute("CREATE DATABASE fq_demo_audit OWNER fq_demo_audit_owner");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("demo: could not create the audit database and its roles", e);
        }
        System.setProperty("quarkus.datasource.reactive.url", pg.reactiveUrl("fq_demo_audit"));
        System.setProperty("quarkus.datasource.username", "fq_demo_audit_writer");
        System.setProperty("frontline.audit.migration.username", "fq_demo_audit_owner");
        LOG.infof("demo: sources ready in %d s", (System.nanoTime() - start) / 1_000_000_000L);
    }

    /**
     * ECO (the seventh source) is reached only through its partner's HTTP API: the demo seeds the partner's own
     * database (fq_demo_eco_partner, on the embedded PostgreSQL, from the same world), starts the partner API
     * as a separate JVM process ({@link EcoPartnerProcess}) on free ports, and points the ECO source at it
     * with a client secret made for this run; it ends with the demo. When the process cannot start, ECO is left
     * out and {@code /v1/sources} says why.
     *
     * @return the partner process, or null when it could not start
     */
    static EcoPartnerProcess startEcoPartner(PostgresServer pg, String db, long seed, int persons) {
        pg.createDatabaseIfMissing(db);
        SyntheticSeeder.Result result = SyntheticSeeder.seed(pg.jdbcUrl(db), pg.user(), pg.password(), "eco", seed, persons);
        LOG.infof("demo: eco partner database seeded, %d rows", result.totalRows());
        String secret = java.util.UUID.randomUUID().toString();
        EcoPartnerProcess partner;
        try {
            // a partner's rate limit that a person at the console never meets, and the answer-quality runs neither
            partner = EcoPartnerProcess.start(pg.reactiveUrl(db), pg.user(), pg.password(), secret,
                    java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                            "frontline-demo-eco-partner-" + ProcessHandle.current().pid() + ".log"), "--rate-limit=500");
        } catch (IllegalStateException e) {
            String reason = "the demo could not start the ECO partner API process (" + e.getMessage() + ")";
            LOG.warnf("demo: ECO not started: %s", reason);
            System.setProperty("frontline.sources.eco.enabled", "false");
            System.setProperty("frontline.sources.eco.not-started-because", reason);
            return null;
        }
        LOG.infof("demo: ECO partner API started as its own process at %s (log %s)", partner.baseUrl(), partner.log());
        System.setProperty("frontline.sources.eco.enabled", "true");
        System.setProperty("frontline.sources.eco.url", partner.baseUrl());
        System.setProperty("frontline.sources.eco.client-id", EcoPartnerProcess.CLIENT_ID);
        System.setProperty("frontline.sources.eco.client-secret", secret);
        return partner;
    }

    /**
     * AIMC (the sixth source) lives in MariaDB, which the demo does not embed: it is started only when a
     * MariaDB answers at {@code frontline.demo.mariadb} (FRONTLINE_DEMO_MARIADB, host:port, default
     * 127.0.0.1:3306; user FRONTLINE_DEMO_MARIADB_USER, default root; password FRONTLINE_DEMO_MARIADB_PASSWORD,
     * default none), in a database fq_demo_aimc seeded from the same world. Otherwise the demo runs with
     * the five PostgreSQL sources and {@code /v1/sources} lists AIMC as NOT_STARTED, saying why.
     */
    static void startAimcIfMariaDbAnswers(long seed, int persons) {
        String hostPort = setting("frontline.demo.mariadb", "FRONTLINE_DEMO_MARIADB", "127.0.0.1:3306");
        String user = setting("frontline.demo.mariadb-user", "FRONTLINE_DEMO_MARIADB_USER", "root");
        String password = setting("frontline.demo.mariadb-password", "FRONTLINE_DEMO_MARIADB_PASSWORD", "");
        String server = "jdbc:mariadb://" + hostPort + "/";
        try (java.sql.Connection c = org.frontline.sourcedata.MariaDbConnections.connect(server + "?connectTimeout=2000&socketTimeout=5000",
                user, password); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS fq_demo_aimc CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (java.sql.SQLException e) {
            String reason = "the demo found no MariaDB at " + hostPort + " (" + e.getClass().getSimpleName()
                    + "): start one, or set FRONTLINE_DEMO_MARIADB=host:port, and restart the demo";
            LOG.warnf("demo: AIMC not started: %s", reason);
            System.setProperty("frontline.sources.aimc.enabled", "false");
            System.setProperty("frontline.sources.aimc.not-started-because", reason);
            return;
        }
        SyntheticSeeder.Result result = AimcSeeder.seed(server + "fq_demo_aimc", user, password, seed, persons);
        LOG.infof("demo: aimc (MariaDB at %s) seeded, %d rows", hostPort, result.totalRows());
        System.setProperty("frontline.sources.aimc.enabled", "true");
        System.setProperty("frontline.sources.aimc.url", "mariadb://" + hostPort + "/fq_demo_aimc");
        System.setProperty("frontline.sources.aimc.username", user);
        if (!password.isEmpty()) {
            System.setProperty("frontline.sources.aimc.password", password);
        }
    }
}
