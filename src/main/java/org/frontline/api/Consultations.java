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
import org.frontline.border.Mrz;
import org.frontline.border.MrzAnswer;
import org.frontline.border.MrzEvent;
import org.frontline.border.MrzQuestions;
import org.frontline.model.QueryKind;
import org.frontline.model.SubjectQuery;
import org.frontline.search.Answer;
import org.frontline.search.FederatedSearch;
import org.frontline.search.SearchEvent;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One consultation from request to released answer: the officer's profile decides whether they may
 * ask this kind of question and which sources they may query; the rate limit applies; the search
 * runs with the need-to-know filter; and the answer is released only once its audit record is
 * durable. Refusals are audited too. A stream is settled the same way before its first byte: its
 * refusals are the JSON path's, and its consultation is durable before any event leaves (see
 * {@link #stream}). (Unless {@code frontline.audit.enabled=false}, which exists for measuring the
 * audit's cost only: see {@link AuditConfig#enabled()}.)
 *
 * <p>Every consultation has two records. Its {@code CONSULTED} record (who asked what, why, when,
 * the request id) gates the release: nothing of an answer leaves before it is durable. Its outcome
 * is a second record of the same query id chained after the first. The log stays append-only; an
 * auditor reads the last record of a query id as its outcome (a {@code FAILED_AUDIT_TIMEOUT}
 * overrides any other, see {@link AuditLog}).
 *
 * <p>A JSON answer writes its {@code CONSULTED} record alongside the search, not before or after it
 * (the commit is as long as a source's answer, and it used to be paid after the fan-out by every
 * answer), releases the answer once both are done, and queues the outcome ({@code ANSWERED}) for the
 * next group commit without waiting: an answer's latency is then the longer of the commit and the
 * search, not their sum. An instance that dies between the release and the outcome's commit leaves
 * a consultation without outcome, which {@code UnknownOutcomes} records as {@code OUTCOME_UNKNOWN}.
 * A stream must send its status before its first event, so its {@code CONSULTED} record comes first;
 * its outcome ({@code ANSWERED} before the answer event leaves, or {@code CLIENT_GONE}) is awaited
 * as before: a stream is not the path whose latency counts, and it keeps its ending durable.
 */
@ApplicationScoped
public class Consultations {

    private static final Logger LOG = Logger.getLogger(Consultations.class);
    /** The kind an MRZ consultation is audited under. */
    static final String MRZ_KIND = "MRZ";

    private final FederatedSearch search;
    private final AccessPolicy policy;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final boolean audited;
    private final FrontlineLoad frontline;

    Consultations(FederatedSearch search, AccessPolicy policy, RateLimiter limiter, AuditLog audit, Clock clock,
                  ObjectMapper json, AuditConfig auditConfig, FrontlineLoad frontline) {
        this.frontline = frontline;
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
    Uni<Void> record(AuditEvent event) {
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
            this(retryAfterSeconds, null);
        }

        /** With the problem's detail (null: the single searches' "wait N s before the next search"). */
        RateLimited(long retryAfterSeconds, String detail) {
            super(detail, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public Uni<Answer> answer(Officer officer, RequestValidation.Validated<? extends SubjectQuery> request, Origin origin) {
        RequestValidation.requireDeadlineAtLeast(request, search.minDeadline());
        return admit(officer, request, origin).chain(access -> {
            String queryId = UUID.randomUUID().toString();
            return frontline.counted(consulted(officer, request, origin, queryId,
                    search.search(queryId, request.query(), request.deadline(), access)))
                    .invoke(answer -> recordLater(event(officer, request, origin, queryId, sources(answer.sources()),
                            answer.outcome().name(), AuditEvent.ANSWERED)));
        });
    }

    /**
     * The consultation's {@code CONSULTED} record written alongside the work, not after it: the work's
     * result once both are done, so nothing of an answer leaves before the record of its consultation
     * is durable, and the commit costs the answer nothing when the sources take longer. Fails with the
     * audit's refusal (503) when the record cannot be written, whatever the work found. The outcome
     * follows in a later record ({@link #recordLater}); {@code UnknownOutcomes} records it as unknown
     * when it never arrives.
     */
    private <T> Uni<T> consulted(Officer officer, RequestValidation.Validated<?> request, Origin origin,
                                 String queryId, Uni<T> work) {
        Uni<Void> consultation = record(event(officer, request, origin, queryId, "[]", null, AuditEvent.CONSULTED));
        return Uni.combine().all().unis(consultation, work).with((durable, result) -> result);
    }

    /** Queues an outcome for the next group commit, without waiting for it (nothing when auditing is off). */
    void recordLater(AuditEvent event) {
        if (audited) {
            audit.appendLater(event);
        }
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
                    .replaceWith(() -> frontline.counted(events(officer, request, origin, queryId, access)));
        });
    }

    private Multi<SearchEvent> events(Officer officer, RequestValidation.Validated<? extends SubjectQuery> request,
                                      Origin origin, String queryId, NeedToKnow access) {
        return recorded(search.stream(queryId, request.query(), request.deadline(), access), officer, request, origin,
                queryId,
                event -> event instanceof SearchEvent.Consolidated done ? done.answer().outcome().name() : null,
                event -> event instanceof SearchEvent.Consolidated done ? sourceEntries(null, done.answer().sources()) : null,
                event -> event instanceof SearchEvent.SourceAnswered progress ? sourceEntry(null, progress.source()) : null);
    }

    /**
     * A stream's events, its outcome recorded: the event that carries the answer ({@code outcome} not
     * null) is let through once its {@code ANSWERED} record is durable; a stream cancelled before it
     * is recorded as {@code CLIENT_GONE} with the sources that had answered ({@code arrived}).
     */
    private <E> Multi<E> recorded(Multi<E> events, Officer officer, RequestValidation.Validated<?> request,
                                  Origin origin, String queryId, Function<E, String> outcome,
                                  Function<E, List<Map<String, Object>>> answeredSources,
                                  Function<E, Map<String, Object>> arrivedSource) {
        List<Map<String, Object>> arrived = new CopyOnWriteArrayList<>();
        AtomicBoolean outcomeRecorded = new AtomicBoolean();
        return events
                .onItem().transformToUniAndConcatenate(event -> {
                    String answered = outcome.apply(event);
                    if (answered != null && outcomeRecorded.compareAndSet(false, true)) {
                        return record(event(officer, request, origin, queryId, toJson(answeredSources.apply(event)),
                                answered, AuditEvent.ANSWERED)).replaceWith(event);
                    }
                    Map<String, Object> source = arrivedSource.apply(event);
                    if (source != null) {
                        arrived.add(source);
                    }
                    return Uni.createFrom().item(event);
                })
                .onCancellation().invoke(() -> {
                    if (outcomeRecorded.compareAndSet(false, true)) {
                        record(event(officer, request, origin, queryId, toJson(List.copyOf(arrived)), null,
                                AuditEvent.CLIENT_GONE))
                                .subscribe().with(ok -> { }, failure -> LOG.warnf(
                                        "the CLIENT_GONE record of a stream could not be written (%s)",
                                        failure.getClass().getSimpleName()));
                    }
                });
    }

    /**
     * A scanned zone, answered as one consultation: admitted (a role that may ask either question),
     * rate-limited and audited once, its document and person questions asked at once under one query
     * id, each part answered whatever becomes of the other (see {@link MrzAnswer}).
     */
    public Uni<MrzAnswer> answerMrz(Officer officer, RequestValidation.Validated<MrzQuestions> request, Origin origin) {
        RequestValidation.requireDeadlineAtLeast(request, search.minDeadline());
        return admit(officer, request, origin).chain(access -> {
            String queryId = UUID.randomUUID().toString();
            AccessPolicy.Grant grant = policy.grantFor(officer);
            MrzQuestions questions = request.query();
            Uni<MrzAnswer.Part> document = part(queryId, questions.document(), questions.documentNotAsked(), grant,
                    request.deadline(), access);
            Uni<MrzAnswer.Part> holder = part(queryId, questions.person(), questions.personNotAsked(), grant,
                    request.deadline(), access);
            return frontline.counted(consulted(officer, request, origin, queryId, Uni.combine().all().unis(document, holder)
                    .asTuple().map(parts -> MrzAnswer.combine(queryId, questions, parts.getItem1(), parts.getItem2()))))
                    .invoke(answer -> recordLater(event(officer, request, origin, queryId, toJson(mrzSources(answer)),
                            answer.outcome().name(), AuditEvent.ANSWERED)));
        });
    }

    /**
     * A scanned zone as a stream, admitted and recorded as {@link #stream} records a single question:
     * one {@code source} event per source of each part as it answers, then the answer.
     */
    public Uni<Multi<MrzEvent>> streamMrz(Officer officer, RequestValidation.Validated<MrzQuestions> request,
                                         Origin origin) {
        RequestValidation.requireDeadlineAtLeast(request, search.minDeadline());
        return admit(officer, request, origin).chain(access -> {
            String queryId = UUID.randomUUID().toString();
            return record(event(officer, request, origin, queryId, "[]", null, AuditEvent.CONSULTED))
                    .replaceWith(() -> frontline.counted(recorded(mrzEvents(officer, request, queryId, access), officer,
                            request, origin, queryId,
                            event -> event instanceof MrzEvent.Answered done ? done.answer().outcome().name() : null,
                            event -> event instanceof MrzEvent.Answered done ? mrzSources(done.answer()) : null,
                            event -> event instanceof MrzEvent.SourceAnswered progress
                                    ? sourceEntry(progress.source().part(), progress.source().report()) : null)));
        });
    }

    private Multi<MrzEvent> mrzEvents(Officer officer, RequestValidation.Validated<MrzQuestions> request,
                                      String queryId, NeedToKnow access) {
        AccessPolicy.Grant grant = policy.grantFor(officer);
        MrzQuestions questions = request.query();
        AtomicReference<MrzAnswer.Part> document = new AtomicReference<>();
        AtomicReference<MrzAnswer.Part> holder = new AtomicReference<>();
        Multi<MrzEvent> documentEvents = partEvents(MrzEvent.DOCUMENT, queryId, questions.document(),
                questions.documentNotAsked(), grant, request, access, document);
        Multi<MrzEvent> holderEvents = partEvents(MrzEvent.HOLDER, queryId, questions.person(),
                questions.personNotAsked(), grant, request, access, holder);
        Multi<MrzEvent> answer = Multi.createFrom().item(() ->
                new MrzEvent.Answered(MrzAnswer.combine(queryId, questions, document.get(), holder.get())));
        return Multi.createBy().concatenating().streams(
                Multi.createBy().merging().streams(documentEvents, holderEvents), answer);
    }

    private Multi<MrzEvent> partEvents(String name, String queryId, SubjectQuery query, String notAsked,
                                       AccessPolicy.Grant grant, RequestValidation.Validated<?> request,
                                       NeedToKnow access, AtomicReference<MrzAnswer.Part> result) {
        if (query == null || !grant.maySearch(query.kind())) {
            result.set(query == null ? MrzAnswer.Part.notAsked(notAsked) : notPermitted(query));
            return Multi.createFrom().empty();
        }
        return search.stream(queryId, query, request.deadline(), access)
                .invoke(event -> {
                    if (event instanceof SearchEvent.Consolidated done) {
                        result.set(MrzAnswer.Part.answered(done.answer()));
                    }
                })
                .filter(event -> event instanceof SearchEvent.SourceAnswered)
                .map(event -> new MrzEvent.SourceAnswered(
                        MrzEvent.PartSource.of(name, ((SearchEvent.SourceAnswered) event).source())));
    }

    /**
     * One part of a two-question consultation (a scanned zone, a manifest's traveller): not asked when the
     * question could not be put, not permitted when the officer's role may not ask it, else its answer.
     */
    Uni<MrzAnswer.Part> part(String queryId, SubjectQuery query, String notAsked, AccessPolicy.Grant grant,
                             Duration deadline, NeedToKnow access) {
        if (query == null) {
            return Uni.createFrom().item(MrzAnswer.Part.notAsked(notAsked));
        }
        if (!grant.maySearch(query.kind())) {
            return Uni.createFrom().item(notPermitted(query));
        }
        return search.search(queryId, query, deadline, access).map(MrzAnswer.Part::answered);
    }

    private static MrzAnswer.Part notPermitted(SubjectQuery query) {
        return MrzAnswer.Part.notPermitted(query.kind().name().toLowerCase(Locale.ROOT) + "s");
    }

    private static List<Map<String, Object>> mrzSources(MrzAnswer answer) {
        List<Map<String, Object>> sources = new ArrayList<>();
        if (answer.document().answer() != null) {
            sources.addAll(sourceEntries(MrzEvent.DOCUMENT, answer.document().answer().sources()));
        }
        if (answer.holder().answer() != null) {
            sources.addAll(sourceEntries(MrzEvent.HOLDER, answer.holder().answer().sources()));
        }
        return sources;
    }

    private Uni<NeedToKnow> admit(Officer officer, RequestValidation.Validated<?> request, Origin origin) {
        return Uni.createFrom().deferred(() -> {
            AccessPolicy.Grant grant = policy.grantFor(officer);
            if (request.query() instanceof SubjectQuery query && !grant.maySearch(query.kind())) {
                return refuse(officer, request, origin, "REFUSED_NOT_PERMITTED",
                        new NotPermitted("your role may not search " + query.kind().name().toLowerCase() + "s"));
            }
            if (request.query() instanceof MrzQuestions
                    && !grant.maySearch(QueryKind.DOCUMENT) && !grant.maySearch(QueryKind.PERSON)) {
                return refuse(officer, request, origin, "REFUSED_NOT_PERMITTED",
                        new NotPermitted("your role may search neither documents nor persons"));
            }
            return limiter.secondsToWait(officer.officerId()).chain(wait -> wait > 0
                    ? refuse(officer, request, origin, "REFUSED_RATE_LIMITED", new RateLimited(wait))
                    : Uni.createFrom().item(new NeedToKnow(officer, grant)));
        });
    }

    private Uni<NeedToKnow> refuse(Officer officer, RequestValidation.Validated<?> request,
                                   Origin origin, String decision, RuntimeException refusal) {
        return record(event(officer, request, origin, UUID.randomUUID().toString(), "[]", null, decision))
                .onItem().<NeedToKnow>transformToUni(ignored -> Uni.createFrom().failure(refusal));
    }

    private AuditEvent event(Officer officer, RequestValidation.Validated<?> request, Origin origin,
                             String queryId, String sources, String outcome, String decision) {
        String kind;
        Object terms;
        if (request.query() instanceof MrzQuestions mrz) {
            // one record for both questions of a scanned zone: what was asked of each, and how the zone read
            kind = MRZ_KIND;
            Map<String, Object> asked = new LinkedHashMap<>();
            asked.put("format", mrz.mrz().format().label());
            asked.put("document", mrz.document());
            asked.put("person", mrz.person());
            asked.put("failedCheckDigits", mrz.mrz().failedChecks().stream().map(Mrz.CheckDigit::field).toList());
            terms = asked;
        } else {
            kind = ((SubjectQuery) request.query()).kind().name();
            terms = request.query();
        }
        return new AuditEvent(clock.instant(), queryId, officer.officerId(), officer.agency(), officer.country(),
                officer.rolesText(), request.purpose(), kind, toJson(terms),
                sources, outcome, decision, origin.requestId(), origin.traceparent());
    }

    private String sources(List<Answer.SourceReport> reports) {
        return toJson(sourceEntries(null, reports));
    }

    static List<Map<String, Object>> sourceEntries(String part, List<Answer.SourceReport> reports) {
        return reports.stream().map(r -> sourceEntry(part, r)).toList();
    }

    /** A source's line in the audit record: the source, its status and latency (and the part of an MRZ consultation). */
    private static Map<String, Object> sourceEntry(String part, Answer.SourceReport report) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (part != null) {
            entry.put("part", part);
        }
        entry.put("source", report.source());
        entry.put("status", report.status().name());
        entry.put("latencyMs", report.latencyMs());
        return entry;
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit serialisation failed");
        }
    }
}
