package org.frontline.audit;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The audit database's schema and who may do what in it. Two roles:
 *
 * <ul>
 *   <li>the <b>owner</b> ({@code frontline.audit.migration.username}) owns the tables and runs the
 *   migrations. Only it (or a superuser) could disable the append-only triggers, update, delete or
 *   truncate. The running service never needs its password.</li>
 *   <li>the <b>writer</b> ({@code quarkus.datasource.username}), the role the service runs as, may
 *   INSERT and SELECT the log and the checkpoints, and nothing else: no UPDATE, DELETE, TRUNCATE,
 *   ALTER or trigger change, because it owns nothing and is granted nothing more.</li>
 * </ul>
 *
 * <p>{@link #migrate} runs Flyway as the owner, then grants the writer its two privileges (and
 * revokes anything more it may have been given). It runs at start when {@code frontline.audit.migrate}
 * is true ({@link AuditMigration}, which then needs the owner's credentials), or as a step of its
 * own before the service starts: {@code java -jar quarkus-run.jar migrate-audit} (the Kubernetes
 * init container), so that the service's own container never holds the owner's password.
 */
public final class AuditSchema {

    private static final Logger LOG = Logger.getLogger(AuditSchema.class);
    static final String[] TABLES = {"audit_record", "audit_checkpoint"};
    /** The advisory lock that serialises the grants of instances migrating at the same time. */
    static final long GRANTS_LOCK_KEY = 0x6671_6772_616e_7473L;   // "fqgrants"

    static final String USAGE = """
            usage: migrate-audit [--jdbc-url URL] [--user OWNER] [--writer WRITER]
              migrates the audit database as its owner and grants the service's role INSERT and SELECT only.
              Defaults from the environment: QUARKUS_DATASOURCE_REACTIVE_URL (the audit database),
              FRONTLINE_AUDIT_MIGRATION_USERNAME (the owner), FRONTLINE_AUDIT_MIGRATION_PASSWORD (its password,
              only ever from the environment), QUARKUS_DATASOURCE_USERNAME (the service's role).""";

    private AuditSchema() {
    }

    /** Migrates as {@code owner}, then limits {@code writer} to INSERT and SELECT (nothing to grant when they are one role). */
    public static void migrate(String jdbcUrl, String owner, String password, String writer) {
        Flyway.configure()
                .dataSource(jdbcUrl, owner, password)
                .locations("classpath:db/audit")
                .table("frontline_audit_schema_history")
                .connectRetries(3)
                .load()
                .migrate();
        if (writer == null || writer.equals(owner)) {
            LOG.warnf("the service's audit role is the owner of the audit tables: it could disable the append-only"
                    + " triggers. Run it as a role of its own (frontline.audit.migration.username for the owner,"
                    + " quarkus.datasource.username for the service; docs/operations.md)");
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, owner, password); Statement st = c.createStatement()) {
            // instances starting together grant at once, and two GRANTs on one table fail with "tuple
            // concurrently updated" (a replica that could not start, seen in TwoInstancesIT): one at a time,
            // in one transaction under an advisory lock of their own (not the writers')
            c.setAutoCommit(false);
            st.execute("SELECT pg_advisory_xact_lock(" + GRANTS_LOCK_KEY + ")");
            String role = identifier(writer);
            for (String table : TABLES) {
                st.execute("REVOKE ALL ON " + table + " FROM " + role);
                st.execute("GRANT SELECT, INSERT ON " + table + " TO " + role);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant the service's role on the audit tables (SQLSTATE "
                    + e.getSQLState() + ")", e);
        }
        LOG.infof("audit schema migrated by its owner; the service's role may INSERT and SELECT only");
    }

    /** The JDBC URL of a reactive datasource URL ({@code postgresql://host:port/db}, optionally prefixed {@code vertx-reactive:}). */
    static String jdbcUrl(String reactiveUrl) {
        String url = reactiveUrl.startsWith("vertx-reactive:") ? reactiveUrl.substring("vertx-reactive:".length()) : reactiveUrl;
        return url.startsWith("jdbc:") ? url : "jdbc:" + url;
    }

    /** A role name as a quoted SQL identifier. */
    static String identifier(String role) {
        if (role.isEmpty() || role.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a role name");
        }
        return '"' + role.replace("\"", "\"\"") + '"';
    }

    /** The {@code migrate-audit} command: returns the process's exit code. */
    public static int tool(String[] args, Function<String, String> env) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !Map.of("--jdbc-url", 1, "--user", 1, "--writer", 1).containsKey(args[i])) {
                System.err.println("unexpected argument '" + args[i] + "'");
                System.err.println(USAGE);
                return 2;
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        String url = opts.getOrDefault("jdbc-url", env.apply("QUARKUS_DATASOURCE_REACTIVE_URL"));
        String owner = opts.getOrDefault("user", env.apply("FRONTLINE_AUDIT_MIGRATION_USERNAME"));
        String writer = opts.getOrDefault("writer", env.apply("QUARKUS_DATASOURCE_USERNAME"));
        String password = env.apply("FRONTLINE_AUDIT_MIGRATION_PASSWORD");
        if (url == null || owner == null || writer == null) {
            System.err.println("the audit database, its owner and the service's role are required");
            System.err.println(USAGE);
            return 2;
        }
        migrate(jdbcUrl(url), owner, password == null ? "" : password, writer);
        System.out.println("audit schema migrated; role " + writer + " may INSERT and SELECT only");
        return 0;
    }
}
