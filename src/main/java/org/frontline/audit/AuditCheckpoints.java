package org.frontline.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Anchors the chain head. The hash chain alone proves that what is there was not altered, not that
 * nothing is missing at its end: whoever can delete rows can cut the tail, and since the chain needs
 * no secret, even rewrite it from any point on. So every {@code every-records} records, or every
 * {@code every} when anything was written since, the service writes a <em>checkpoint</em>: the
 * sequence number and hash of the head it has committed, with an HMAC-SHA256 under
 * {@code frontline.audit.checkpoint.key}, a key held by the service (from a secret) and not by the
 * database. Checkpoints go to {@code audit_checkpoint}, owned by the owner role, append-only, on which
 * the service's role may only INSERT and SELECT; each one is also logged (sequence number and hash, no
 * personal data), so a copy lives outside the database, in the log pipeline.
 *
 * <p>{@link AuditVerifier} checks every checkpoint's signature and that the chain holds, at that
 * sequence number, exactly that hash: a tail deleted (even with the triggers disabled by the owner)
 * or a chain re-written after a checkpoint is reported. What is not anchored yet — the records since
 * the last checkpoint, at most {@code every-records} or {@code every} worth — could still be cut
 * unseen by someone holding the owner role; that is the window the two settings choose.
 *
 * <p>The hook runs after a batch has committed (it never delays an answer); a failed checkpoint is
 * counted and logged, and the next batch tries again. Several instances may each checkpoint the
 * head they wrote; two at the same sequence number are one row ({@code ON CONFLICT DO NOTHING},
 * which needs INSERT only).
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);
    private static final String INSERT = "INSERT INTO audit_checkpoint (seq, hash, created_at, mac) VALUES ($1, $2, $3, $4)"
            + " ON CONFLICT (seq) DO NOTHING";
    private static final String MAC = "HmacSHA256";
    static final int MIN_KEY_BYTES = 32;

    private record Head(long seq, String hash) {
    }

    private final Pool database;
    private final AuditConfig config;
    private final Clock clock;
    private final Counter failures;
    private final SecretKeySpec key;
    private final AtomicReference<Head> latest = new AtomicReference<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile long checkpointedSeq;
    private volatile Instant checkpointedAt;

    AuditCheckpoints(Pool database, AuditConfig config, Clock clock, MeterRegistry meters) {
        this.database = database;
        this.config = config;
        this.clock = clock;
        this.checkpointedAt = clock.instant();
        this.failures = Counter.builder("frontline.audit.checkpoint.failures")
                .description("Checkpoints of the audit chain head that could not be written (retried with the next batch)")
                .register(meters);
        this.key = config.checkpoint().key()
                .filter(k -> k.getBytes(StandardCharsets.UTF_8).length >= MIN_KEY_BYTES)
                .map(k -> new SecretKeySpec(k.getBytes(StandardCharsets.UTF_8), MAC))
                .orElse(null);
    }

    /** Refuses to start an audited service without a checkpoint key; starts the timer that anchors a quiet tail. */
    void start(@Observes StartupEvent event, Vertx vertx) {
        if (!config.enabled()) {
            return;
        }
        if (key == null) {
            throw new IllegalStateException("frontline.audit.checkpoint.key (FRONTLINE_AUDIT_CHECKPOINT_KEY, from a secret)"
                    + " is required and must be at least " + MIN_KEY_BYTES + " bytes: it signs the checkpoints that anchor"
                    + " the audit chain (docs/operations.md)");
        }
        vertx.setPeriodic(config.checkpoint().every().toMillis(), id -> {
            Head head = latest.get();
            if (head != null && head.seq() > checkpointedSeq) {
                write(head);
            }
        });
    }

    /** Called by AuditLog once a batch is committed, with the last record it wrote. */
    void committed(long seq, String hash) {
        Head head = latest.updateAndGet(h -> h == null || seq > h.seq() ? new Head(seq, hash) : h);
        boolean enough = head.seq() - checkpointedSeq >= config.checkpoint().everyRecords();
        boolean due = Duration.between(checkpointedAt, clock.instant()).compareTo(config.checkpoint().every()) >= 0;
        if (enough || due) {
            write(head);
        }
    }

    private void write(Head head) {
        if (key == null || !writing.compareAndSet(false, true)) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        database.preparedQuery(INSERT)
                .execute(Tuple.of(head.seq(), head.hash(), now.atOffset(ZoneOffset.UTC), sign(head.seq(), head.hash())))
                .subscribe().with(ok -> {
                    checkpointedSeq = Math.max(checkpointedSeq, head.seq());
                    checkpointedAt = now;
                    writing.set(false);
                    LOG.infof("audit checkpoint: record %d, hash %s", head.seq(), head.hash());
                }, failure -> {
                    writing.set(false);
                    failures.increment();
                    LOG.warnf("audit checkpoint at record %d not written (%s); the next batch tries again", head.seq(),
                            failure.getClass().getSimpleName());
                });
    }

    /** The checkpoint's signature: HMAC-SHA256 over its sequence number and hash, hex. */
    String sign(long seq, String hash) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(("frontline-audit-checkpoint-v1|" + seq + "|" + hash)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a checkpoint's signature is ours. False without a key: nothing can be trusted then. */
    boolean signed(long seq, String hash, String mac) {
        if (key == null || hash == null || mac == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(seq, hash).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
    }
}
