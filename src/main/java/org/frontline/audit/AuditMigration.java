package org.frontline.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

import java.util.Optional;

/**
 * Migrates the audit database at start (db/audit), over JDBC: Flyway has no reactive driver. Runs
 * on the main thread during start, before any request.
 */
@ApplicationScoped
class AuditMigration {

    void migrate(@Observes StartupEvent event, AuditConfig config,
                 @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                 @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String user,
                 @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        if (!config.migrate()) {
            return;
        }
        String jdbc = "jdbc:" + (url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
        Flyway.configure()
                .dataSource(jdbc, user, password.orElse(""))
                .locations("classpath:db/audit")
                .table("frontline_audit_schema_history")
                .connectRetries(3)
                .load()
                .migrate();
    }
}
