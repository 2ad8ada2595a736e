package org.frontline.search;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.frontline.cache.CacheKey;
import org.frontline.cache.SourceCache;
import org.frontline.match.PersonEvidence;
import org.frontline.match.PersonMatch;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;
import org.frontline.model.SourceStatus;
import org.frontline.model.SubjectQuery;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;
import org.frontline.source.Source;
import org.frontline.source.SourceCall;
import org.frontline.source.SourceRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The federation engine: one query to every source at once, one consolidated answer.
 *
 * <p>The request's deadline is one value (an absolute time in the injected clock) passed down; each
 * source call runs with the source's own timeout behind its own guard, and this request waits for it
 * {@code min(source timeout, time left)}: a short deadline cuts this request's wait, never the
 * source's call, so it cannot count against the source's breaker. Every branch recovers
 * into a {@link SourceAnswer} with a status before the join, so the fan-out never fails as a whole
 * and always ends by the deadline: the answer goes out with what has arrived and says what is
 * missing. Nothing here blocks; scoring a few dozen candidates runs on the event loop.
 */
@ApplicationScoped
public class FederatedSearch {

    private final SourceRegistry registry;
    private final PersonNameMatcher matcher;
    private final SearchConfig config;
    private final Clock clock;
    private final Consolidator consolidator;
    private final PersonEvidence evidence;
    private final SourceMetrics metrics;
    private final SourceCache cache;

    FederatedSearch(SourceRegistry registry, PersonNameMatcher matcher, SearchConfig config, Clock clock,
                    SourceMetrics metrics, SourceCache cache) {
        this.registry = registry;
        this.cache = cache;
        this.metrics = metrics;
        this.matcher = matcher;
        this.config = config;
        this.clock = clock;
        this.evidence = new PersonEvidence(matcher);
        this.consolidator = new Consolidator(evidence, config.mergeThreshold(), config.hitThreshold(), config.maxSubjects());
        requireOrdered(config.minDeadline(), config.defaultDeadline(), config.maxDeadline());
    }

    private static void requireOrdered(Duration min, Duration dflt, Duration max) {
        if (min.isNegative() || min.isZero() || min.compareTo(dflt) > 0 || dflt.compareTo(max) > 0) {
            throw new IllegalStateException("frontline.search: need 0 < min-deadline <= default-deadline <= max-deadline, got "
                    + min.toMillis() + " ms, " + dflt.toMillis() + " ms, " + max.toMillis() + " ms");
        }
    }

    /**
     * The deadline a request gets: what it asked for, capped at the maximum and raised to the floor;
     * the default when it asked for none. (The API refuses a deadline below the floor with a 400, so
     * that the caller knows; the engine raises it for any other caller.)
     */
    public Duration effectiveDeadline(Duration requested) {
        if (requested == null) {
            return config.defaultDeadline();
        }
        if (requested.compareTo(config.maxDeadline()) > 0) {
            return config.maxDeadline();
        }
        return requested.compareTo(config.minDeadline()) < 0 ? config.minDeadline() : requested;
    }

    /** The shortest deadline a caller may ask for. */
    public Duration minDeadline() {
        return config.minDeadline();
    }

    /**
     * Time from the query to its answer, as reported: never less than the slowest source's reported
     * latency, so that an answer served from cache (whose sources report the latency they took when
     * the answer was loaded) does not give itself away by a short elapsed time.
     */
    private long elapsedMs(long start, List<SourceAnswer> answers) {
        long elapsed = clock.millis() - start;
        for (SourceAnswer answer : answers) {
            elapsed = Math.max(elapsed, answer.latencyMs());
        }
        return elapsed;
    }

    /** The whole answer once every source has answered or the deadline has passed. */
    public Uni<Answer> search(SubjectQuery query, Duration requestedDeadline, RecordAccess access) {
        return Uni.createFrom().deferred(() -> search(UUID.randomUUID().toString(), query, requestedDeadline, access));
    }

    /** The whole answer, under the caller's query id (one consultation that asks several questions). */
    public Uni<Answer> search(String queryId, SubjectQuery query, Duration requestedDeadline, RecordAccess access) {
        return Uni.createFrom().deferred(() -> {
            long start = clock.millis();
            long deadlineAt = start + effectiveDeadline(requestedDeadline).toMillis();
            List<Uni<SourceAnswer>> calls = calls(query, deadlineAt, access);
            return Uni.join().all(calls).andFailFast()
                    .map(answers -> consolidator.consolidate(queryId, query.kind(), answers, elapsedMs(start, answers)));
        });
    }

    /** One event per source as it answers, then the consolidated answer (under the caller's query id). */
    public Multi<SearchEvent> stream(String queryId, SubjectQuery query, Duration requestedDeadline, RecordAccess access) {
        return Multi.createFrom().deferred(() -> {
            long start = clock.millis();
            long deadlineAt = start + effectiveDeadline(requestedDeadline).toMillis();
            List<SourceAnswer> arrived = Collections.synchronizedList(new ArrayList<>());
            Multi<SearchEvent> perSource = Multi.createFrom().iterable(calls(query, deadlineAt, access))
                    .onItem().transformToUniAndMerge(Function.identity())
                    .onItem().invoke(arrived::add)
                    .map(a -> new SearchEvent.SourceAnswered(
                            new Answer.SourceReport(a.sourceId(), a.status(), a.latencyMs(), a.records().size(), a.detail())));
            Multi<SearchEvent> last = Multi.createFrom().item(() -> new SearchEvent.Consolidated(
                    consolidator.consolidate(queryId, query.kind(), List.copyOf(arrived), elapsedMs(start, List.copyOf(arrived)))));
            return Multi.createBy().concatenating().streams(perSource, last);
        });
    }

    private List<Uni<SourceAnswer>> calls(SubjectQuery query, long deadlineAt, RecordAccess access) {
        List<Uni<SourceAnswer>> calls = new ArrayList<>();
        // normalise a typed name once per query, not once per source
        String searchKey = query instanceof PersonQuery person ? matcher.searchKey(person.name()) : null;
        for (Source source : registry.all()) {
            if (!access.mayQuery(source.id())) {
                calls.add(Uni.createFrom().item(notAsked(source, SourceStatus.NOT_PERMITTED, "not permitted for this officer's profile")));
            } else if (!source.descriptor().kinds().contains(query.kind())) {
                calls.add(Uni.createFrom().item(notAsked(source, SourceStatus.NOT_APPLICABLE, "holds no data of this kind")));
            } else {
                calls.add(ask(source, query, searchKey, deadlineAt, access));
            }
        }
        return calls;
    }

    private Uni<SourceAnswer> ask(Source source, SubjectQuery query, String searchKey, long deadlineAt,
                                  RecordAccess access) {
        return Uni.createFrom().deferred(() -> {
            Duration remaining = Duration.ofMillis(deadlineAt - clock.millis());
            // each source's raw answer goes through the cache, before scoring and any need-to-know filter; the
            // source call runs with the source's own timeout, and the cache bounds this request's wait by what is left
            if (query instanceof PersonQuery person) {
                int max = config.maxCandidates();
                Integer birthYear = person.dateOfBirth() == null ? null : person.dateOfBirth().year();
                return cache.get(CacheKey.persons(source.id(), searchKey, birthYear, max), remaining,
                                () -> source.call(c -> c.findPersonCandidates(searchKey, birthYear, max)))
                        .map(call -> answer(source, call, records -> scorePersons(source.id(), person, records), "PERSON", access));
            }
            if (query instanceof DocumentQuery document) {
                return cache.get(CacheKey.documents(source.id(), document), remaining,
                                () -> source.call(c -> c.findDocuments(document)))
                        .map(call -> answer(source, call, records -> exactDocuments(source.id(), document, records), "DOCUMENT", access));
            }
            VehicleQuery vehicle = (VehicleQuery) query;
            return cache.get(CacheKey.vehicles(source.id(), vehicle), remaining,
                            () -> source.call(c -> c.findVehicles(vehicle)))
                    .map(call -> answer(source, call, records -> exactVehicles(source.id(), vehicle, records), "VEHICLE", access));
        });
    }

    private <T> SourceAnswer answer(Source source, SourceCall<List<T>> call,
                                    Function<List<T>, List<ScoredRecord>> scoring, String kind,
                                    RecordAccess access) {
        metrics.record(source.id(), kind, call.status(), call.latencyMs(), call.cached());
        RecordAccess.Filtered filtered = access.filter(call.ok() ? scoring.apply(call.value()) : List.of());
        return new SourceAnswer(source.id(), source.descriptor().organisation(), source.descriptor().contactPoint(),
                call.status(), call.latencyMs(), call.detail(), filtered.visible(), filtered.withheld());
    }

    private static SourceAnswer notAsked(Source source, SourceStatus status, String detail) {
        return new SourceAnswer(source.id(), source.descriptor().organisation(), source.descriptor().contactPoint(),
                status, 0, detail, List.of());
    }

    private List<ScoredRecord> scorePersons(String sourceId, PersonQuery query, List<PersonRecord> candidates) {
        List<ScoredRecord> kept = new ArrayList<>();
        for (PersonRecord candidate : candidates) {
            PersonMatch match = evidence.weigh(query, candidate);
            if (match.name().score() < PersonEvidence.nameFloor() || match.probability() < config.possibleThreshold()) {
                continue;
            }
            boolean hit = match.isHit(config.hitThreshold());
            kept.add(new ScoredRecord(sourceId, candidate, match.probability(), match.reasons(), null,
                    hit ? MatchLevel.HIT : MatchLevel.POSSIBLE_MATCH, hit ? null : match.toResolve(), match.name().score()));
        }
        return kept;
    }

    private static List<ScoredRecord> exactDocuments(String sourceId, DocumentQuery query, List<DocumentRecord> found) {
        return found.stream()
                .filter(d -> query.type() == null || query.type() == d.type())
                .map(d -> new ScoredRecord(sourceId, d, 1.0,
                        List.of("document number and issuing country equal" + (query.type() == null ? "" : ", type equal"))))
                .toList();
    }

    private static List<ScoredRecord> exactVehicles(String sourceId, VehicleQuery query, List<VehicleRecord> found) {
        return found.stream()
                .map(v -> {
                    List<String> reasons = new ArrayList<>();
                    if (query.vin() != null && query.vin().equals(v.vin())) {
                        reasons.add("VIN equal");
                    }
                    if (query.plate() != null && query.plate().equals(Consolidator.normalisedPlate(v.plate()))) {
                        reasons.add("plate and registration country equal");
                    }
                    return new ScoredRecord(sourceId, v, 1.0, reasons);
                })
                .toList();
    }
}
