package org.frontline.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain: each record's hash is SHA-256 over the previous record's hash and every field of
 * the record, each field length-prefixed so that no two different records serialise alike.
 */
public final class AuditChain {

    /** The "previous hash" of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(AuditEntry e) {
        StringBuilder sb = new StringBuilder(512);
        append(sb, e.prevHash);
        append(sb, Long.toString(e.seq));
        append(sb, e.occurredAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toString());
        append(sb, e.queryId);
        append(sb, e.officerId);
        append(sb, e.agency);
        append(sb, e.country);
        append(sb, e.roles);
        append(sb, e.purpose);
        append(sb, e.kind);
        append(sb, e.terms);
        append(sb, e.sources);
        append(sb, e.outcome);
        append(sb, e.decision);
        append(sb, e.requestId);
        append(sb, e.traceparent);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static void append(StringBuilder sb, String field) {
        if (field == null) {
            sb.append("-1:");
        } else {
            sb.append(field.length()).append(':').append(field);
        }
        sb.append('|');
    }
}
