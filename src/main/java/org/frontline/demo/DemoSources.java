package org.frontline.demo;

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
}
