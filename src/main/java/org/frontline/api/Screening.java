package org.frontline.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.frontline.access.AccessPolicy;
import org.frontline.access.NeedToKnow;
import org.frontline.access.Officer;
import org.frontline.access.RateLimiter;
import org.frontline.access.Role;
import org.frontline.audit.AuditEvent;
import org.frontline.audit.AuditUnavailableException;
import org.frontline.border.MrzAnswer;
import org.frontline.border.MrzEvent;
import org.frontline.border.TravellerAnswer;
import org.frontline.border.TravellerQuestions;
import org.frontline.model.Outcome;
import org.frontline.model.QueryKind;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Screens a flight manifest: every traveller a consultation of its own, answered as the scanned zone
 * is (document and holder together, {@link TravellerAnswer}), streamed line by line as each is done.
 *
 * <p><b>Admission before the first byte.</b> As a single search's stream, a manifest is settled before
 * its status goes out: the role (OFFICER or BORDER_GUARD, and a profile that may search persons or
 * documents), then the manifests' own rate-limit budget, which counts travellers, not requests, and
 * is taken for the whole manifest at once or not at all (a manifest half screened because its budget
 * ran out halfway would leave a border guard with half a flight); then a {@code CONSULTED} record of
 * the manifest (kind {@code MANIFEST}, its flight and size, no traveller data) must be durable. Every
 * refusal is audited and answered with the single searches' problems (403, 429 with Retry-After,
 * 503), before anything is streamed. A Redis outage is decided as for a single search: by this
 * instance's own window for the manifests' budget.
 *
 * <p><b>Each traveller is audited before its line leaves.</b> A traveller's answer waits for its own
 * {@code ANSWERED} record (kind {@code MANIFEST_TRAVELLER}: officer, purpose, the manifest id and the
 * traveller's index in its terms, with the questions asked) and only then becomes a line. The records
 * of travellers that finish together are group-committed by the audit log itself ({@code AuditLog}:
 * one flush takes every record queued, one statement, one commit), so a manifest costs no commit per
 * traveller under load, and no line ever precedes its record. A record that cannot be written keeps
 * that traveller's answer back: its line is a 503 problem instead, and the stream goes on.
 *
 * <p><b>Bounded, and yielding to the frontline.</b> A manifest screens at most {@code concurrency}
 * travellers at once; all manifests of this instance together at most {@code lane-size}, in a lane of
 * their own ({@link Lane}, a non-blocking semaphore). Each traveller asks two questions, so manifests
 * hold at most twice {@code lane-size} of a source's calls at once, whatever their number and size:
 * with the defaults 6 of a source's 8 pooled connections, below its bulkhead, so a patrol officer's
 * search always finds the source with room, and a 1,000-traveller manifest waits its turn in the lane
 * rather than queueing 2,000 calls in front of her. Single searches have no lane: they only meet the
 * bulkheads, which manifests can never fill. The cost is that manifests screen no faster than the lane
 * allows (loadtests/manifest.sh measures both sides).
 *
 * <p>The pool is not all a single search competes for: on a small machine it is the CPU, which the
 * sources' statements and the service share. So while any single search is being answered
 * ({@link FrontlineLoad}) the lane narrows to {@code lane-size-while-frontline-busy} (1): travellers
 * already asked finish, no new one starts until the lane is under its narrow size, and the moment the
 * last single search ends the lane widens again. A manifest screened beside a busy border terminal is
 * slower; the terminal's questions are not (loadtests/manifest.sh: single p99 during two manifests
 * against alone).
 *
 * <p><b>Asked once.</b> Travellers whose questions are equal once validated (the same document, the
 * same name, date of birth, nationality and sex) are asked once: the first one's answer is memoised,
 * and every other one gets it under its own consultation id, with {@code sameAs} naming the first;
 * each is audited at its own index. The cache is used exactly as for single searches (the engine's
 * calls go through it), so a traveller asked a minute ago by another manifest or a border terminal
 * costs no source call either.
 */
@ApplicationScoped
public class Screening {

    private static final Logger LOG = Logger.getLogger(Screening.class);
    /** The kind the manifest's own records are audited under. */
    static final String MANIFEST_KIND = "MANIFEST";
    /** The kind each traveller's consultation is audited under. */
    static final String TRAVELLER_KIND = "MANIFEST_TRAVELLER";
    static final String PATH = "/v1/screen/manifest";

    private final Consultations consultations;
    private final AccessPolicy policy;
    private final RateLimiter limiter;
    private final Clock clock;
    private final ScreenConfig config;
    private final Lane lane;

    Screening(Consultations consultations, AccessPolicy policy, RateLimiter limiter, Clock clock, ScreenConfig config,
              FrontlineLoad frontline, MeterRegistry meters) {
        this.consultations = consultations;
        this.policy = policy;
        this.limiter = limiter;
        this.clock = clock;
        this.config = config;
        if (config.maxTravellers() < 1 || config.concurrency() < 1) {
            throw new IllegalStateException("frontline.screen: max-travellers and concurrency must be at least 1, got "
                    + config.maxTravellers() + " and " + config.concurrency());
        }
        if (config.laneSizeWhileFrontlineBusy() < 1 || config.laneSizeWhileFrontlineBusy() > config.laneSize()) {
            throw new IllegalStateException("frontline.screen.lane-size-while-frontline-busy must be between 1 and lane-size ("
                    + config.laneSize() + "), got " + config.laneSizeWhileFrontlineBusy());
        }
        this.lane = new Lane(config.laneSize(), config.laneSizeWhileFrontlineBusy(), frontline::busy);
        frontline.whenQuiet(lane::widened);
        Gauge.builder("frontline.screen.lane.in.use", lane, Lane::inUse)
                .description("Manifests' travellers being screened now in this instance (the lane narrows while single searches run)")
                .register(meters);
    }

    int maxTravellers() {
        return config.maxTravellers();
    }

    /** Travellers of all manifests being screened now (for tests). */
    int inLane() {
        return lane.inUse();
    }

    /** The most travellers screened at once since {@link #resetLanePeak} (for tests). */
    int lanePeak() {
        return lane.peak();
    }

    void resetLanePeak() {
        lane.resetPeak();
    }

    /**
     * Admits the manifest (the returned Uni fails with the refusal, audited) and, once its
     * {@code CONSULTED} record is durable, gives the stream of its lines.
     */
    public Uni<Multi<ManifestLine>> screen(Officer officer, ManifestReader.Parsed manifest,
                                           Consultations.Origin origin) {
        return Uni.createFrom().deferred(() -> {
            long start = clock.millis();
            String manifestId = UUID.randomUUID().toString();
            AccessPolicy.Grant grant = policy.grantFor(officer);
            boolean screeningRole = officer.roles().contains(Role.OFFICER) || officer.roles().contains(Role.BORDER_GUARD);
            if (!screeningRole || (!grant.maySearch(QueryKind.PERSON) && !grant.maySearch(QueryKind.DOCUMENT))) {
                return refuse(officer, manifest, origin, manifestId, "REFUSED_NOT_PERMITTED",
                        new Consultations.NotPermitted("your role may not screen manifests (border guards and officers may)"));
            }
            int travellers = (int) manifest.rows().stream().filter(r -> r.questions() != null).count();
            Uni<Long> budget = travellers == 0 ? Uni.createFrom().item(0L)
                    : limiter.secondsToWaitForTravellers(officer.officerId(), travellers);
            return budget.chain(wait -> {
                if (wait > 0) {
                    return refuse(officer, manifest, origin, manifestId, "REFUSED_RATE_LIMITED",
                            new Consultations.RateLimited(wait, "Your manifests' budget cannot cover this manifest's "
                                    + travellers + " travellers now; wait " + wait + " s (the budget counts travellers"
                                    + " screened in any minute)."));
                }
                return consultations.record(manifestEvent(officer, manifest, origin, manifestId, null,
                                AuditEvent.CONSULTED))
                        .replaceWith(() -> lines(officer, manifest, origin, manifestId, grant, start));
            });
        });
    }

    private Uni<Multi<ManifestLine>> refuse(Officer officer, ManifestReader.Parsed manifest, Consultations.Origin origin,
                                            String manifestId, String decision, RuntimeException refusal) {
        return consultations.record(manifestEvent(officer, manifest, origin, manifestId, null, decision))
                .onItem().transformToUni(ignored -> Uni.createFrom().failure(refusal));
    }

    /** What was first asked for a question, and its answer (memoised: asked once, however many travellers share it). */
    private record Asked(int index, Uni<TravellerAnswer> answer) {
    }

    private Multi<ManifestLine> lines(Officer officer, ManifestReader.Parsed manifest, Consultations.Origin origin,
                                      String manifestId, AccessPolicy.Grant grant, long start) {
        NeedToKnow access = new NeedToKnow(officer, grant);
        Duration deadline = manifest.flight().deadline();
        Map<TravellerQuestions, Asked> asked = new ConcurrentHashMap<>();
        Map<Outcome, AtomicInteger> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new AtomicInteger());
        }
        ConcurrentLinkedQueue<ManifestLine.Incomplete> incomplete = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger problems = new AtomicInteger();
        AtomicBoolean ended = new AtomicBoolean();

        Multi<ManifestLine> travellers = Multi.createFrom().iterable(manifest.rows())
                .onItem().transformToUni(row -> {
                    if (row.questions() == null) {
                        return Uni.createFrom().<ManifestLine>item(new ManifestLine.RowProblem(row.index(),
                                Problem.invalid(PATH, row.faults())));
                    }
                    String queryId = UUID.randomUUID().toString();
                    Asked first = asked.computeIfAbsent(row.questions(), questions -> new Asked(row.index(),
                            lane.<TravellerAnswer>run(() -> ask(queryId, questions, deadline, grant, access))
                                    .memoize().indefinitely()));
                    Integer sameAs = first.index() == row.index() ? null : first.index();
                    return first.answer()
                            .map(answer -> answer.queryId().equals(queryId) ? answer : answer.forConsultation(queryId))
                            .call(answer -> consultations.record(travellerEvent(officer, manifest, origin, manifestId,
                                    row, sameAs, answer)))
                            .<ManifestLine>map(answer -> new ManifestLine.Traveller(row.index(), sameAs, answer))
                            .onFailure().recoverWithItem(failure -> withheld(row.index(), failure));
                })
                .merge(config.concurrency())
                .invoke(line -> {
                    if (line instanceof ManifestLine.Traveller t) {
                        answered.incrementAndGet();
                        outcomes.get(t.answer().outcome()).incrementAndGet();
                        if (t.answer().outcome() == Outcome.INCOMPLETE) {
                            incomplete.add(new ManifestLine.Incomplete(t.index(), t.answer().message()));
                        }
                    } else {
                        problems.incrementAndGet();
                    }
                });

        Multi<ManifestLine> summary = Multi.createFrom().deferred(() -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            outcomes.forEach((outcome, n) -> counts.put(outcome.name(), n.get()));
            List<ManifestLine.Incomplete> why = new ArrayList<>(incomplete);
            why.sort(Comparator.comparingInt(ManifestLine.Incomplete::index));
            ManifestLine.Summary line = new ManifestLine.Summary(manifestId, manifest.rows().size(), answered.get(),
                    problems.get(), asked.size(), counts, why, clock.millis() - start);
            ended.set(true);
            return Multi.createFrom().uni(consultations.record(manifestEvent(officer, manifest, origin, manifestId,
                            worst(outcomes), AuditEvent.ANSWERED))
                    .<ManifestLine>replaceWith(line)
                    .onFailure().recoverWithItem(failure -> withheld(null, failure)));
        });

        return Multi.createBy().concatenating().streams(travellers, summary)
                .onCancellation().invoke(() -> {
                    if (ended.compareAndSet(false, true)) {
                        consultations.record(manifestEvent(officer, manifest, origin, manifestId, null,
                                        AuditEvent.CLIENT_GONE))
                                .subscribe().with(ok -> { }, failure -> LOG.warnf(
                                        "the CLIENT_GONE record of a manifest could not be written (%s)",
                                        failure.getClass().getSimpleName()));
                    }
                });
    }

    /** A traveller's answer not released: its record could not be written (503), or it failed (500). */
    private static ManifestLine withheld(Integer index, Throwable failure) {
        if (failure instanceof AuditUnavailableException) {
            return new ManifestLine.RowProblem(index, Problem.of(503, "audit-unavailable", "Audit log unavailable",
                    "This traveller's audit record could not be written, so its answer is not released. Screen the"
                            + " traveller again shortly.", PATH));
        }
        LOG.errorf("a manifest traveller failed (%s)", failure.getClass().getName());
        return new ManifestLine.RowProblem(index, Problem.of(500, "internal", "Internal error",
                "The service failed to answer for this traveller; screen the traveller again.", PATH));
    }

    private Uni<TravellerAnswer> ask(String queryId, TravellerQuestions questions, Duration deadline,
                                     AccessPolicy.Grant grant, NeedToKnow access) {
        Uni<MrzAnswer.Part> document = consultations.part(queryId, questions.document(), questions.documentNotAsked(),
                grant, deadline, access);
        Uni<MrzAnswer.Part> holder = consultations.part(queryId, questions.person(), questions.personNotAsked(), grant,
                deadline, access);
        return Uni.combine().all().unis(document, holder).asTuple()
                .map(parts -> TravellerAnswer.combine(queryId, parts.getItem1(), parts.getItem2()));
    }

    /** The most urgent outcome among the answered travellers (the manifest record's outcome), null when none. */
    private static String worst(Map<Outcome, AtomicInteger> outcomes) {
        for (Outcome outcome : List.of(Outcome.HIT, Outcome.POSSIBLE_MATCH, Outcome.INCOMPLETE, Outcome.NO_HIT)) {
            if (outcomes.get(outcome).get() > 0) {
                return outcome.name();
            }
        }
        return null;
    }

    private AuditEvent manifestEvent(Officer officer, ManifestReader.Parsed manifest, Consultations.Origin origin,
                                     String manifestId, String outcome, String decision) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("manifestId", manifestId);
        terms.put("format", manifest.format());
        terms.put("flight", manifest.flight().query().flight());
        terms.put("carrier", manifest.flight().query().carrier());
        terms.put("route", manifest.flight().query().route());
        terms.put("scheduledArrival", manifest.flight().query().scheduledArrival());
        terms.put("travellers", manifest.rows().size());
        terms.put("invalidRows", manifest.rows().stream().filter(r -> r.questions() == null).count());
        return new AuditEvent(clock.instant(), manifestId, officer.officerId(), officer.agency(), officer.country(),
                officer.rolesText(), manifest.flight().purpose(), MANIFEST_KIND, consultations.toJson(terms), "[]",
                outcome, decision, origin.requestId(), origin.traceparent());
    }

    private AuditEvent travellerEvent(Officer officer, ManifestReader.Parsed manifest, Consultations.Origin origin,
                                      String manifestId, ManifestReader.Row row, Integer sameAs, TravellerAnswer answer) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("manifestId", manifestId);
        terms.put("traveller", row.index());
        if (sameAs != null) {
            terms.put("sameAs", sameAs);
        }
        terms.put("document", row.questions().document());
        terms.put("person", row.questions().person());
        List<Map<String, Object>> sources = new ArrayList<>();
        if (answer.document().answer() != null) {
            sources.addAll(Consultations.sourceEntries(MrzEvent.DOCUMENT, answer.document().answer().sources()));
        }
        if (answer.holder().answer() != null) {
            sources.addAll(Consultations.sourceEntries(MrzEvent.HOLDER, answer.holder().answer().sources()));
        }
        return new AuditEvent(clock.instant(), answer.queryId(), officer.officerId(), officer.agency(),
                officer.country(), officer.rolesText(), manifest.flight().purpose(), TRAVELLER_KIND,
                consultations.toJson(terms), consultations.toJson(sources), answer.outcome().name(),
                AuditEvent.ANSWERED, origin.requestId(), origin.traceparent());
    }
}
