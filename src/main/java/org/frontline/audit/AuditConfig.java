package org.frontline.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The audit log. Its database is the default reactive datasource (quarkus.datasource.reactive.*). */
@ConfigMapping(prefix = "frontline.audit")
public interface AuditConfig {

    /** Longest wait for a record to be durable; past it the search fails closed with 503. */
    @WithDefault("2s")
    Duration timeout();

    /** Most records written in one transaction (group commit). */
    @WithName("max-batch")
    @WithDefault("256")
    int maxBatch();

    /** Whether the audit database's schema is migrated at start (Flyway over JDBC). */
    @WithDefault("true")
    boolean migrate();
}
