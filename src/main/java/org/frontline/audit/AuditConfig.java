package org.frontline.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * The audit log. Its database is the default reactive datasource (quarkus.datasource.reactive.*).
 *
 * <p>{@code frontline.audit.enabled} (default {@code true}) exists for measurement only: with
 * {@code false}, consultations (answers and refusals) are not audited at all, so that a benchmark
 * can measure what the audit costs ({@code loadtests/audit-cost.sh}). The service logs a loud
 * warning at start when it is off. Never run a service that way: an unaudited consultation is not
 * allowed.
 */
@ConfigMapping(prefix = "frontline.audit")
public interface AuditConfig {

    /**
     * Whether consultations are audited. FOR MEASUREMENT ONLY when false (answers and refusals then
     * leave without any audit record); never in service.
     */
    @WithDefault("true")
    boolean enabled();

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
