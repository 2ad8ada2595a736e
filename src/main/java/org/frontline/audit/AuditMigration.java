package org.frontline.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Migrates the audit database at start (db/audit), over JDBC: Flyway has no reactive driver. Runs
 * on the main thread during start, before any request, as the owner role
 * ({@code frontline.audit.migration.username}, default: the service's own role), and leaves the
 * service's role ({@code quarkus.datasource.username}) INSERT and SELECT only ({@link AuditSchema}).
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
        String owner = config.migration().username().orElse(user);
        String ownerPassword = config.migration().username().isPresent()
                ? config.migration().password().orElse("")
                : password.orElse("");
        AuditSchema.migrate(AuditSchema.jdbcUrl(url), owner, ownerPassword, user);
    }
}
