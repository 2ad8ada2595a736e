package org.frontline.search;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.frontline.cache.CacheKey;
import org.frontline.cache.SourceCache;
import org.frontline.match.MatchResult;
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
 * source call gets {@code min(source timeout, time left)} and its own guard. Every branch recovers
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
        this.consolidator = new Consolidator(matcher, config.hitThreshold(), config.mergeThreshold());
    }

    /** The deadline a request gets: what it asked for, capped; the default when it asked for none. */
    public Duration effectiveDeadline(Duration requested) {
        if (requested == null) {
            return config.defaultDeadline();
        }
        return requested.compareTo(config.maxDeadline()) > 0 ? config.maxDeadline() : requested;
    }

    /** The whole answer once every source has answered or the deadline has passed. */
    public Uni<Answer> search(SubjectQuery query, Duration requestedDeadline, RecordAccess access) {
        return Uni.createFrom().deferred(() -> {
            String queryId = UUID.randomUUID().toString();
            long start = clock.millis();
            long deadlineAt = start + effectiveDeadline(requestedDeadline).toMillis();
            List<Uni<SourceAnswer>> calls = calls(query, deadlineAt, access);
            return Uni.join().all(calls).andFailFast()
                    .map(answers -> consolidator.consolidate(queryId, query.kind(), answers, clock.millis() - start));
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
                    consolidator.consolidate(queryId, query.kind(), List.copyOf(arrived), clock.millis() - start)));
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
            // each source's raw answer goes through the cache, before scoring and any need-to-know filter
            if (query instanceof PersonQuery person) {
                int max = config.maxCandidates();
                return cache.get(CacheKey.persons(source.id(), searchKey, max), remaining,
                                () -> source.call(c -> c.findPersonCandidates(searchKey, max), remaining))
                        .map(call -> answer(source, call, records -> scorePersons(source.id(), person, records), "PERSON", access));
            }
            if (query instanceof DocumentQuery document) {
                return cache.get(CacheKey.documents(source.id(), document), remaining,
                                () -> source.call(c -> c.findDocuments(document), remaining))
                        .map(call -> answer(source, call, records -> exactDocuments(source.id(), document, records), "DOCUMENT", access));
            }
            VehicleQuery vehicle = (VehicleQuery) query;
            return cache.get(CacheKey.vehicles(source.id(), vehicle), remaining,
                            () -> source.call(c -> c.findVehicles(vehicle), remaining))
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
            MatchResult match = matcher.score(query, candidate);
            if (match.score() >= config.possibleThreshold()) {
                kept.add(new ScoredRecord(sourceId, candidate, match.score(), match.reasons()));
            }
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
