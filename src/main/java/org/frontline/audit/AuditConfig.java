package org.frontline.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

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

    /**
     * The owner role of the audit tables, which runs the migrations. The service itself runs as
     * {@code quarkus.datasource.username}, which is granted INSERT and SELECT only (AuditSchema).
     */
    Migration migration();

    interface Migration {
        /** The owner role; default: the service's own role (then nothing is granted, and a warning says so). */
        Optional<String> username();

        /** Its password (from a secret; only needed where the migration runs). */
        Optional<String> password();
    }

    /** Signed checkpoints of the chain head (AuditCheckpoints). */
    Checkpoint checkpoint();

    interface Checkpoint {
        /**
         * The HMAC key (at least 32 bytes, e.g. {@code openssl rand -base64 48}), from a secret. Required
         * whenever the audit is enabled: the service does not start without it. The demo generates one.
         */
        Optional<String> key();

        /** A checkpoint after at most this many records. */
        @WithDefault("1000")
        int everyRecords();

        /** ...or after this long, when anything was written since the last one. */
        @WithDefault("1m")
        Duration every();
    }

    /** The search for consultations whose outcome was never recorded ({@link UnknownOutcomes}). */
    OutcomeCheck outcomeCheck();

    interface OutcomeCheck {
        /**
         * How old a {@code CONSULTED} record must be before a missing outcome counts as unknown: longer
         * than any consultation lasts (the longest deadline, 5 s, plus the audit timeout), with room.
         */
        @WithDefault("2m")
        Duration grace();

        /** How often the check runs (the first time one grace after start). */
        @WithDefault("1m")
        Duration every();

        /** How far back the first check of an instance looks (later checks start where the last ended). */
        @WithDefault("7d")
        Duration horizon();
    }

    /** Records read per page by {@code /v1/audit/verify} (its memory bound). */
    @WithDefault("1000")
    int verifyPage();
}
