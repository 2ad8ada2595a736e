package org.frontline.audit;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontline.api.InvalidRequestException;
import org.frontline.api.Problem;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The audit log, for auditors: who consulted what, when, why; and proof that it was not altered. */
@Path("/v1/audit")
@Tag(name = "audit", description = "The consultation log (role AUDITOR)")
@RolesAllowed("AUDITOR")
public class AuditResource {

    static final int MAX_PAGE = 500;

    private final Mutiny.SessionFactory sessions;

    AuditResource(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** One page of records, newest first, and the cursor of the next page (null at the end). */
    public record Page(List<AuditEntry> records, Long nextCursor) {
    }

    /** The result of walking the chain. firstBroken is null when the chain is intact. */
    public record Verification(boolean intact, long verified, BrokenLink firstBroken) {
    }

    public record BrokenLink(long seq, String queryId, String reason) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAudit", summary = "Consultations, newest first, filtered by officer and time range, with cursor pagination")
    public Uni<Page> list(@QueryParam("officer") String officer, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("cursor") Long cursor,
                          @QueryParam("limit") Integer limit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        OffsetDateTime fromTime = time("from", from, errors);
        OffsetDateTime toTime = time("to", to, errors);
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_PAGE) {
            errors.add(new Problem.FieldError("limit", "between 1 and " + MAX_PAGE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        StringBuilder hql = new StringBuilder("from AuditEntry where 1 = 1");
        if (officer != null) {
            hql.append(" and officerId = :officer");
        }
        if (fromTime != null) {
            hql.append(" and occurredAt >= :from");
        }
        if (toTime != null) {
            hql.append(" and occurredAt < :to");
        }
        if (cursor != null) {
            hql.append(" and seq < :cursor");
        }
        hql.append(" order by seq desc");
        return sessions.withSession(session -> {
            var query = session.createSelectionQuery(hql.toString(), AuditEntry.class).setMaxResults(size + 1);
            if (officer != null) {
                query.setParameter("officer", officer);
            }
            if (fromTime != null) {
                query.setParameter("from", fromTime);
            }
            if (toTime != null) {
                query.setParameter("to", toTime);
            }
            if (cursor != null) {
                query.setParameter("cursor", cursor);
            }
            return query.getResultList();
        }).map(rows -> {
            boolean more = rows.size() > size;
            List<AuditEntry> page = more ? rows.subList(0, size) : rows;
            return new Page(List.copyOf(page), more ? page.get(page.size() - 1).seq : null);
        });
    }

    private static OffsetDateTime time(String field, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "an ISO 8601 time with offset, e.g. 2026-11-28T10:00:00Z"));
            return null;
        }
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAudit", summary = "Walks the hash chain and reports the first broken link")
    public Uni<Verification> verify() {
        return verifyFrom(0, AuditChain.GENESIS, 0);
    }

    private Uni<Verification> verifyFrom(long afterSeq, String previousHash, long verified) {
        return sessions.withSession(session -> session
                        .createSelectionQuery("from AuditEntry where seq > :after order by seq", AuditEntry.class)
                        .setParameter("after", afterSeq)
                        .setMaxResults(1000)
                        .getResultList())
                .chain(rows -> {
                    String previous = previousHash;
                    long expectedSeq = afterSeq + 1;
                    long count = verified;
                    for (AuditEntry e : rows) {
                        if (e.seq != expectedSeq) {
                            return Uni.createFrom().item(new Verification(false, count,
                                    new BrokenLink(expectedSeq, null, "record " + expectedSeq + " is missing")));
                        }
                        if (!previous.equals(e.prevHash)) {
                            return Uni.createFrom().item(new Verification(false, count,
                                    new BrokenLink(e.seq, e.queryId, "does not chain to the record before it")));
                        }
                        if (!AuditChain.hash(e).equals(e.hash)) {
                            return Uni.createFrom().item(new Verification(false, count,
                                    new BrokenLink(e.seq, e.queryId, "its content does not match its hash: altered")));
                        }
                        previous = e.hash;
                        expectedSeq++;
                        count++;
                    }
                    if (rows.size() < 1000) {
                        return Uni.createFrom().item(new Verification(true, count, null));
                    }
                    return verifyFrom(expectedSeq - 1, previous, count);
                });
    }
}
