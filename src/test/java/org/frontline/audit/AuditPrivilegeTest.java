package org.frontline.audit;

import org.frontline.sourcedata.PostgresServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.frontline.testsupport.SourceDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The role the service runs as may append to the audit log and read it, and nothing else: it cannot
 * update, delete, truncate, alter the tables or touch their triggers (the tables belong to the owner
 * role, which only the migration uses). Proved by trying each, as that role, on the migrated database.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AuditPrivilegeTest {

    /** SQLSTATE 42501: insufficient_privilege (also "must be owner of table"). */
    private static final String REFUSED = "42501";

    @Test
    void instancesMigratingTogetherAllStartAndTheRoleStaysLimited() throws Exception {
        // replicas started at once each migrate and grant: two GRANTs on one table at the same moment
        // failed with "tuple concurrently updated" and a replica did not start (TwoInstancesIT, once)
        PostgresServer pg = SourceDatabases.server();
        String url = pg.jdbcUrl(SourceDatabases.auditDatabase());
        int instances = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(instances);
        try {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(instances);
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < instances; i++) {
                    runs.add(pool.submit(() -> {
                        together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        AuditSchema.migrate(url, SourceDatabases.auditOwner(), pg.password(), SourceDatabases.auditWriter());
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> run : runs) {
                    run.get(60, java.util.concurrent.TimeUnit.SECONDS);   // throws if an instance could not migrate
                }
                runs.clear();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection writer = SourceDatabases.connectAuditAs(SourceDatabases.auditWriter());
             Statement st = writer.createStatement();
             ResultSet rs = st.executeQuery("SELECT has_table_privilege('audit_record', 'INSERT'),"
                     + " has_table_privilege('audit_record', 'UPDATE')")) {
            rs.next();
            assertTrue(rs.getBoolean(1) && !rs.getBoolean(2), "INSERT and SELECT only, as before");
        }
    }

    @Test
    void theServicesRoleCanNeitherRewriteNorDisableTheLog() throws Exception {
        AuditTamper.bulkAppend(3);
        Map<String, String> attempts = new java.util.LinkedHashMap<>();
        for (String table : AuditSchema.TABLES) {
            attempts.put("UPDATE " + table, "UPDATE " + table + " SET seq = seq");
            attempts.put("DELETE " + table, "DELETE FROM " + table);
            attempts.put("TRUNCATE " + table, "TRUNCATE " + table);
            attempts.put("ALTER " + table, "ALTER TABLE " + table + " ADD COLUMN note TEXT");
            attempts.put("DISABLE TRIGGER " + table, "ALTER TABLE " + table + " DISABLE TRIGGER ALL");
        }
        attempts.put("DROP TRIGGER", "DROP TRIGGER audit_record_append_only ON audit_record");
        attempts.put("REPLACE the trigger function", "CREATE OR REPLACE FUNCTION audit_record_append_only() RETURNS trigger"
                + " LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END; $$");
        List<String> allowed = new ArrayList<>();
        try (Connection writer = SourceDatabases.connectAuditAs(SourceDatabases.auditWriter())) {
            for (Map.Entry<String, String> attempt : attempts.entrySet()) {
                try (Statement st = writer.createStatement()) {
                    st.execute(attempt.getValue());
                    allowed.add(attempt.getKey() + " was allowed");
                } catch (SQLException e) {
                    if (!REFUSED.equals(e.getSQLState())) {
                        allowed.add(attempt.getKey() + " failed with " + e.getSQLState() + " (not a privilege refusal): "
                                + e.getMessage());
                    }
                }
            }
            // what it may do: read the log (the service appends with it in every other test)
            try (Statement st = writer.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_record")) {
                rs.next();
                assertTrue(rs.getLong(1) >= 3);
            }
            try (Statement st = writer.createStatement();
                 ResultSet rs = st.executeQuery("SELECT has_table_privilege('audit_record', 'INSERT'),"
                         + " has_table_privilege('audit_checkpoint', 'INSERT')")) {
                rs.next();
                assertTrue(rs.getBoolean(1) && rs.getBoolean(2), "the service's role may append");
            }
            // nor can it give itself more (PostgreSQL only warns that nothing was granted)
            try (Statement st = writer.createStatement()) {
                st.execute("GRANT UPDATE, DELETE, TRUNCATE ON audit_record, audit_checkpoint TO CURRENT_USER");
            } catch (SQLException e) {
                assertEquals(REFUSED, e.getSQLState(), e.getMessage());
            }
            try (Statement st = writer.createStatement();
                 ResultSet rs = st.executeQuery("SELECT has_table_privilege('audit_record', 'UPDATE')"
                         + " OR has_table_privilege('audit_record', 'DELETE') OR has_table_privilege('audit_record', 'TRUNCATE')"
                         + " OR has_table_privilege('audit_checkpoint', 'DELETE')")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    allowed.add("the role granted itself UPDATE, DELETE or TRUNCATE");
                }
            }
        }
        assertEquals(List.of(), allowed, "the service's role (" + SourceDatabases.auditWriter() + ") must be refused");
        try (Connection su = SourceDatabases.server().connect(SourceDatabases.auditDatabase()); Statement st = su.createStatement();
             ResultSet rs = st.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'audit_record'")) {
            rs.next();
            assertEquals(SourceDatabases.auditOwner(), rs.getString(1), "the tables belong to the owner role");
        }
    }
}
