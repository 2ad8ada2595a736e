package org.frontline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.frontline.access.AccessPolicy;
import org.frontline.access.NeedToKnow;
import org.frontline.access.Officer;
import org.frontline.access.RateLimiter;
import org.frontline.audit.AuditConfig;
import org.frontline.audit.AuditEvent;
import org.frontline.audit.AuditLog;
import org.frontline.model.SubjectQuery;
import org.frontline.search.Answer;
import org.frontline.search.FederatedSearch;
import org.frontline.search.SearchEvent;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One consultation from request to released answer: the officer's profile decides whether they may
 * ask this kind of question and which sources they may query; the rate limit applies; the search
 * runs with the need-to-know filter; and the answer is released only once its audit record is
 * durable. Refusals are audited too. A stream is settled the same way before its first byte: its
 * refusals are the JSON path's, and its consultation is durable before any event leaves (see
 * {@link #stream}). (Unless {@code frontline.audit.enabled=false}, which exists for measuring the
 * audit's cost only: see {@link AuditConfig#enabled()}.)
 *
 * <p>Why a stream has two records where a JSON answer has one: a JSON answer is built whole before
 * anything leaves, so one record written after the search (with its outcome) can gate the release.
 * A stream starts sending while the search runs, and its status must be sent before the first
 * event; so its consultation is recorded first ({@code CONSULTED}: who asked what, why), and its
 * outcome is recorded after it, as a second record of the same query id chained after the first
 * ({@code ANSWERED} before the answer leaves, or {@code CLIENT_GONE}). The log stays append-only;
 * an auditor reads the last record of a query id as its outcome (a {@code FAILED_AUDIT_TIMEOUT}
 * overrides any other, see {@link AuditLog}). The JSON path keeps one record:
 * a second commit on every answer would cost every answer a round trip for nothing.
 */
@ApplicationScoped
public class Consultations {

    private static final Logger LOG = Logger.getLogger(Consultations.class);

    private final FederatedSearch search;
    private final AccessPolicy policy;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final boolean audited;

    Consultations(FederatedSearch search, AccessPolicy policy, RateLimiter limiter, AuditLog audit, Clock clock,
                  ObjectMapper json, AuditConfig auditConfig) {
        this.search = search;
        this.policy = policy;
        this.limiter = limiter;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.audited = auditConfig.enabled();
    }

    void warnIfUnaudited(@Observes StartupEvent started) {
        if (!audited) {
            LOG.warn("!!! audit disabled: for measurement only, never in service !!! (frontline.audit.enabled=false:"
                    + " consultations are answered and refused WITHOUT any audit record)");
        }
    }

    /** Completes once the event is durable in the audit log; at once, recording nothing, when auditing is off. */
    private Uni<Void> record(AuditEvent event) {
        return audited ? audit.append(event) : Uni.createFrom().voidItem();
    }

    /** Where a request came from, for the audit log. */
    public record Origin(String requestId, String traceparent) {
    }

    /** Thrown (after auditing) when the officer's profile does not allow the question. */
    public static final class NotPermitted extends RuntimeException {
        NotPermitted(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown (after auditing) when the officer has asked too much too fast. */
    public static final class RateLimited extends RuntimeException {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super(null, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public Uni<Answer> answer(Officer officer, RequestValidation.Validated<? extends SubjectQuery> request, Origin origin) {
        RequestValidation.requireDeadlineAtLeast(request, search.minDeadline());
        return admit(officer, request, origin).chain(access -> search.search(request.query(), request.deadline(), access))
                .call(answer -> record(event(officer, request, origin, answer.queryId(), sources(answer.sources()),
                        answer.outcome().name(), AuditEvent.ANSWERED)));
    }

    /**
     * A stream, admitted exactly as {@link #answer} admits a question: the returned Uni fails with the
     * same refusals (not permitted, rate limited, audit unavailable) and completes only once a
     * {@code CONSULTED} record of this query id is durable, before the response's status is sent.
     * The stream then emits one event per source as it answers, carrying the number of records the
     * officer may see from it, and the answer once its {@code ANSWERED} record (same query id) is
     * durable. A stream cancelled before its answer (the client went away) is recorded as
     * {@code CLIENT_GONE} with the sources that had answered by then.
     */
    public Uni<Multi<SearchEvent>> stream(Officer officer, RequestValidation.Validated<? extends SubjectQuery> request,
                                          Origin origin) {
        RequestValidation.requireDeadlineAtLeast(request, search.minDeadline());
        return admit(officer, request, origin).chain(access -> {
            String queryId = UUID.randomUUID().toString();
            return record(event(officer, request, origin, queryId, "[]", null, AuditEvent.CONSULTED))
                    .replaceWith(() -> events(officer, request, origin, queryId, access));
        });
    }

    private Multi<SearchEvent> events(Officer officer, RequestValidation.Validated<? extends SubjectQuery> request,
                                      Origin origin, String queryId, NeedToKnow access) {
        List<Answer.SourceReport> arrived = new CopyOnWriteArrayList<>();
        AtomicBoolean outcomeRecorded = new AtomicBoolean();
        return search.stream(queryId, request.query(), request.deadline(), access)
                .onItem().transformToUniAndConcatenate(event -> {
                    if (event instanceof SearchEvent.Consolidated done && outcomeRecorded.compareAndSet(false, true)) {
                        Answer answer = done.answer();
                        return record(event(officer, request, origin, queryId, sources(answer.sources()),
                                answer.outcome().name(), AuditEvent.ANSWERED)).replaceWith(event);
                    }
                    if (event instanceof SearchEvent.SourceAnswered progress) {
                        arrived.add(progress.source());
                    }
                    return Uni.createFrom().item(event);
                })
                .onCancellation().invoke(() -> {
                    if (outcomeRecorded.compareAndSet(false, true)) {
                        record(event(officer, request, origin, queryId, sources(List.copyOf(arrived)), null,
                                AuditEvent.CLIENT_GONE))
                                .subscribe().with(ok -> { }, failure -> LOG.warnf(
                                        "the CLIENT_GONE record of a stream could not be written (%s)",
                                        failure.getClass().getSimpleName()));
                    }
                });
    }

    private Uni<NeedToKnow> admit(Officer officer, RequestValidation.Validated<? extends SubjectQuery> request,
                                  Origin origin) {
        return Uni.createFrom().deferred(() -> {
            AccessPolicy.Grant grant = policy.grantFor(officer);
            if (!grant.maySearch(request.query().kind())) {
                return refuse(officer, request, origin, "REFUSED_NOT_PERMITTED",
                        new NotPermitted("your role may not search " + request.query().kind().name().toLowerCase() + "s"));
            }
            return limiter.secondsToWait(officer.officerId()).chain(wait -> wait > 0
                    ? refuse(officer, request, origin, "REFUSED_RATE_LIMITED", new RateLimited(wait))
                    : Uni.createFrom().item(new NeedToKnow(officer, grant)));
        });
    }

    private Uni<NeedToKnow> refuse(Officer officer, RequestValidation.Validated<? extends SubjectQuery> request,
                                   Origin origin, String decision, RuntimeException refusal) {
        return record(event(officer, request, origin, UUID.randomUUID().toString(), "[]", null, decision))
                .onItem().<NeedToKnow>transformToUni(ignored -> Uni.createFrom().failure(refusal));
    }

    private AuditEvent event(Officer officer, RequestValidation.Validated<? extends SubjectQuery> request, Origin origin,
                             String queryId, String sources, String outcome, String decision) {
        return new AuditEvent(clock.instant(), queryId, officer.officerId(), officer.agency(), officer.country(),
                officer.rolesText(), request.purpose(), request.query().kind().name(), toJson(request.query()),
                sources, outcome, decision, origin.requestId(), origin.traceparent());
    }

    private String sources(List<Answer.SourceReport> reports) {
        return toJson(reports.stream().map(r -> Map.of("source", r.source(), "status", r.status().name(),
                "latencyMs", r.latencyMs())).toList());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit serialisation failed");
        }
    }
}
