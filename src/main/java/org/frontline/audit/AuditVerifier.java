package org.frontline.audit;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontline.audit.AuditResource.BrokenLink;
import org.frontline.audit.AuditResource.Verification;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Walks the whole chain, the way {@code GET /v1/audit/verify} promises: with bounded memory, without
 * recursion, off the event loop, one walk at a time per instance, on a connection of its own.
 *
 * <p>The log can hold hundreds of millions of records, and a walk takes minutes; the group commit
 * that every search waits for must not share its pool with it, and two auditors must not run two
 * walks at once. So a walk opens one connection of its own (the service's role, the audit URL: not
 * a connection of the pool), reads the chain one keyset page at a time ({@code seq > last ORDER BY
 * seq LIMIT page}, on the primary key: each page costs the same however far the walk is), checks
 * each page's hashes on a worker thread (never the event loop) and keeps only the last record's
 * sequence number and hash between pages. The pages follow one another through Mutiny's
 * {@code repeating()}, a loop, not a chain of nested callbacks. A second walk while one is running
 * is refused at once ({@link Busy}, 503 with Retry-After) instead of queueing.
 *
 * <p>Each record's checkpoint, if it has one, comes with it (a join on the sequence number): its
 * signature must be ours and its hash the record's. After the last record, a checkpoint further on
 * means the tail was deleted; its signature tells a deleted tail from a forged checkpoint.
 *
 * <p>The walk reads what was committed before each page; records appended during the walk are
 * checked if the walk reaches them. Checkpoints are only ever written after their records commit,
 * so a concurrent append never looks like a deleted tail.
 */
@ApplicationScoped
class AuditVerifier {

    private static final String PAGE = "SELECT r.seq, r.occurred_at, r.query_id, r.officer_id, r.agency, r.country, r.roles,"
            + " r.purpose, r.kind, r.terms, r.sources, r.outcome, r.decision, r.request_id, r.traceparent, r.prev_hash, r.hash,"
            + " c.hash AS checkpoint_hash, c.mac AS checkpoint_mac"
            + " FROM audit_record r LEFT JOIN audit_checkpoint c ON c.seq = r.seq"
            + " WHERE r.seq > $1 ORDER BY r.seq LIMIT $2";
    private static final String CHECKPOINT_AFTER = "SELECT seq, hash, mac FROM audit_checkpoint WHERE seq > $1 ORDER BY seq LIMIT 1";

    /** A walk is already running on this instance. */
    static final class Busy extends RuntimeException {
        static final int RETRY_AFTER_SECONDS = 10;

        Busy() {
            super("a verification is running", null, false, false);
        }
    }

    private final Vertx vertx;
    private final AuditCheckpoints checkpoints;
    private final PgConnectOptions options;
    private final int pageSize;
    private final AtomicBoolean running = new AtomicBoolean();

    AuditVerifier(Vertx vertx, AuditCheckpoints checkpoints, AuditConfig config,
                  @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                  @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String user,
                  @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.checkpoints = checkpoints;
        this.pageSize = config.verifyPage();
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        this.options = PgConnectOptions.fromUri(uri).setUser(user);
        password.ifPresent(options::setPassword);
    }

    /** Walks the chain; fails with {@link Busy} when a walk is running already. */
    Uni<Verification> verify() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().failure(new Busy());
        }
        return Uni.createFrom().deferred(() -> PgConnection.connect(vertx, new PgConnectOptions(options)))
                .chain(connection -> walk(connection)
                        .onTermination().call(connection::close))
                .onTermination().invoke(() -> running.set(false));
    }

    private Uni<Verification> walk(PgConnection connection) {
        Walk walk = new Walk();
        return Multi.createBy().repeating()
                .uni(() -> page(connection, walk))
                .whilst(w -> !w.done)
                .collect().last()
                .map(ignored -> walk.result());
    }

    /** Reads and checks one page; at the end of the chain, looks for a checkpoint beyond it. */
    private Uni<Walk> page(PgConnection connection, Walk walk) {
        return connection.preparedQuery(PAGE).execute(Tuple.of(walk.lastSeq, pageSize))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> walk.check(rows, checkpoints))
                .chain(w -> w.done || w.pageRows == pageSize ? Uni.createFrom().item(w)
                        : connection.preparedQuery(CHECKPOINT_AFTER).execute(Tuple.of(w.lastSeq))
                        .map(rows -> w.end(rows, checkpoints)));
    }

    /** The walk's state between pages: the last record checked, and what was found. */
    private static final class Walk {
        long lastSeq;
        String lastHash = AuditChain.GENESIS;
        long verified;
        long checkpointsMatched;
        long outcomesUnknown;
        int pageRows;
        BrokenLink broken;
        boolean done;

        Walk check(RowSet<Row> rows, AuditCheckpoints checkpoints) {
            pageRows = rows.size();
            for (Row row : rows) {
                AuditEntry e = entry(row);
                long expected = lastSeq + 1;
                if (e.seq != expected) {
                    return stop(new BrokenLink(expected, null, "record " + expected + " is missing"));
                }
                if (!lastHash.equals(e.prevHash)) {
                    return stop(new BrokenLink(e.seq, e.queryId, "does not chain to the record before it"));
                }
                if (!AuditChain.hash(e).equals(e.hash)) {
                    return stop(new BrokenLink(e.seq, e.queryId, "its content does not match its hash: altered"));
                }
                String checkpointHash = row.getString("checkpoint_hash");
                String checkpointMac = row.getString("checkpoint_mac");
                if (checkpointMac != null) {
                    if (!checkpoints.signed(e.seq, checkpointHash, checkpointMac)) {
                        return stop(new BrokenLink(e.seq, e.queryId,
                                "the checkpoint at this record is not signed with the checkpoint key: forged"));
                    }
                    if (!checkpointHash.equals(e.hash)) {
                        return stop(new BrokenLink(e.seq, e.queryId,
                                "differs from the signed checkpoint at this record: the chain was rewritten"));
                    }
                    checkpointsMatched++;
                }
                lastSeq = e.seq;
                lastHash = e.hash;
                verified++;
                if (AuditEvent.OUTCOME_UNKNOWN.equals(e.decision)) {
                    outcomesUnknown++;
                }
            }
            return this;
        }

        /** After the last record: a signed checkpoint further on counts records that are gone. */
        Walk end(RowSet<Row> rows, AuditCheckpoints checkpoints) {
            done = true;
            if (rows.size() == 0) {
                return this;
            }
            Row checkpoint = rows.iterator().next();
            long seq = checkpoint.getLong("seq");
            if (!checkpoints.signed(seq, checkpoint.getString("hash"), checkpoint.getString("mac"))) {
                broken = new BrokenLink(seq, null, "a checkpoint beyond the last record (" + lastSeq
                        + ") is not signed with the checkpoint key: forged");
            } else {
                broken = new BrokenLink(lastSeq + 1, null, "records " + (lastSeq + 1) + " to " + seq
                        + " are missing: a signed checkpoint counts " + seq + " records (the tail was deleted)");
            }
            return this;
        }

        private Walk stop(BrokenLink link) {
            broken = link;
            done = true;
            return this;
        }

        Verification result() {
            return new Verification(broken == null, verified, checkpointsMatched, outcomesUnknown, broken);
        }

        private static AuditEntry entry(Row row) {
            AuditEntry e = new AuditEntry();
            e.seq = row.getLong("seq");
            e.occurredAt = row.getOffsetDateTime("occurred_at");
            e.queryId = row.getString("query_id");
            e.officerId = row.getString("officer_id");
            e.agency = row.getString("agency");
            e.country = row.getString("country");
            e.roles = row.getString("roles");
            e.purpose = row.getString("purpose");
            e.kind = row.getString("kind");
            e.terms = row.getString("terms");
            e.sources = row.getString("sources");
            e.outcome = row.getString("outcome");
            e.decision = row.getString("decision");
            e.requestId = row.getString("request_id");
            e.traceparent = row.getString("traceparent");
            e.prevHash = row.getString("prev_hash");
            e.hash = row.getString("hash");
            return e;
        }
    }
}
