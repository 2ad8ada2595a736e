package org.frontline.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontline.api.ContractExamples;
import org.frontline.api.InvalidRequestException;
import org.frontline.api.Problem;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit log, for auditors: who consulted what, when, why; and proof that it was not altered. */
@Path("/v1/audit")
@Tag(name = "audit", description = "The consultation log (role AUDITOR)")
@RolesAllowed("AUDITOR")
@APIResponse(responseCode = "401", description = "No valid officer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthorized", value = ContractExamples.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The officer's role may not use this endpoint",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ContractExamples.FORBIDDEN)))
public class AuditResource {

    static final int MAX_PAGE = 500;

    private static final Logger LOG = Logger.getLogger(AuditResource.class);
    private static final TypeReference<Map<String, Object>> TERMS = new TypeReference<>() { };
    private static final TypeReference<List<ConsultedSource>> SOURCES = new TypeReference<>() { };

    private final Mutiny.SessionFactory sessions;
    private final AuditVerifier verifier;
    private final ObjectMapper json;

    AuditResource(Mutiny.SessionFactory sessions, AuditVerifier verifier, ObjectMapper json) {
        this.sessions = sessions;
        this.verifier = verifier;
        this.json = json;
    }

    /** One page of records, newest first, and the cursor of the next page (null at the end). */
    public record Page(List<AuditRecord> records, Long nextCursor) {
    }

    /**
     * One consultation as an auditor reads it: the row of the log, with the query's terms and the sources'
     * statuses as the JSON they are (stored as text, hashed as text: the chain is unchanged).
     *
     * @param terms   the query as the officer asked it, e.g. {"number":"P4471902","issuingCountry":"FRA"}
     * @param sources each source consulted and how it answered (empty for a refused request)
     */
    public record AuditRecord(long seq, OffsetDateTime occurredAt, String queryId, String officerId, String agency,
                              String country, String roles, String purpose, String kind, Map<String, Object> terms,
                              List<ConsultedSource> sources, String outcome, String decision, String requestId,
                              String traceparent, String prevHash, String hash) {
    }

    /** One source consulted for a query: its status (OK, TIMEOUT, ERROR...) and latency. */
    public record ConsultedSource(String source, String status, Long latencyMs) {
    }

    /**
     * The result of walking the chain: the records verified, the signed checkpoints they matched, the
     * consultations among them whose outcome was never recorded ({@code OUTCOME_UNKNOWN} records: the
     * answer may or may not have reached the officer), and the first broken link (null when the chain
     * is intact).
     */
    public record Verification(boolean intact, long verified, long checkpoints, long outcomesUnknown,
                               BrokenLink firstBroken) {
    }

    public record BrokenLink(long seq, String queryId, String reason) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAudit", summary = "Consultations, newest first, filtered by officer and time range, with cursor pagination")
    @APIResponse(responseCode = "200", description = "One page, newest first; nextCursor asks for the next (null at the end)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Page.class),
                    examples = @ExampleObject(name = "page", value = ContractExamples.AUDIT_PAGE)))
    @APIResponse(responseCode = "400", description = "A time that is not ISO 8601 with an offset, or a limit out of range;"
            + " every parameter at fault is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ContractExamples.INVALID_AUDIT_QUERY)))
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
            return new Page(page.stream().map(this::readable).toList(), more ? page.get(page.size() - 1).seq : null);
        });
    }

    private AuditRecord readable(AuditEntry e) {
        return new AuditRecord(e.seq, e.occurredAt, e.queryId, e.officerId, e.agency, e.country, e.roles, e.purpose,
                e.kind, parsed(e.seq, "terms", e.terms, TERMS), parsed(e.seq, "sources", e.sources, SOURCES),
                e.outcome, e.decision, e.requestId, e.traceparent, e.prevHash, e.hash);
    }

    /** The stored JSON text as JSON; null (and a warning, never the text) if the row holds anything else. */
    private <T> T parsed(long seq, String column, String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            LOG.warnf("audit record %d: its %s are not the JSON expected; check the chain with /v1/audit/verify", seq,
                    column);
            return null;
        }
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
    @Operation(operationId = "verifyAudit", summary = "Walks the hash chain and its signed checkpoints and reports the"
            + " first broken link: a record altered, missing or re-chained, a deleted tail, a forged checkpoint")
    @APIResponse(responseCode = "200", description = "The result of the walk",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class),
                    examples = @ExampleObject(name = "intact", value = ContractExamples.VERIFICATION)))
    @APIResponse(responseCode = "503", description = "A verification is already running on this instance (one at a"
            + " time); see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "running", value = ContractExamples.VERIFICATION_RUNNING)))
    public Uni<Verification> verify() {
        return verifier.verify();
    }

    /** A second walk while one runs: refused at once, never queued (each walk holds a connection for minutes). */
    @ServerExceptionMapper
    public Response busy(AuditVerifier.Busy e, HttpServerRequest request) {
        return Response.fromResponse(Problem.of(503, "verification-running", "Verification running",
                        "A verification of the audit log is already running on this instance; one runs at a time."
                                + " Try again later.", request.path()).toResponse())
                .header("Retry-After", AuditVerifier.Busy.RETRY_AFTER_SECONDS).build();
    }
}
