package org.frontline.search;

import org.frontline.match.PersonNameMatcher;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.DocumentRecord;
import org.frontline.model.Outcome;
import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.model.SourceRecord;
import org.frontline.model.SourceStatus;
import org.frontline.model.VehicleRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the sources' answers into one answer an officer can act on.
 *
 * <p>Records are merged into subjects: documents by issuing country and number, vehicles by VIN or
 * else by country and plate, persons by name (through the person matcher, at the merge threshold)
 * when their dates of birth do not contradict each other and they come from different sources. A
 * subject is a HIT when its best record reaches the hit threshold, else a POSSIBLE_MATCH.
 *
 * <p>The outcome follows one safety rule: NO_HIT only when no subject was found and every source
 * that should answer answered OK. Sources the officer may not query (NOT_PERMITTED) or that hold
 * nothing of the kind asked (NOT_APPLICABLE) are not expected to answer; every other status makes
 * an empty answer INCOMPLETE, never NO_HIT.
 */
public final class Consolidator {

    private final PersonNameMatcher matcher;
    private final double hitThreshold;
    private final double mergeThreshold;

    public Consolidator(PersonNameMatcher matcher, double hitThreshold, double mergeThreshold) {
        this.matcher = matcher;
        this.hitThreshold = hitThreshold;
        this.mergeThreshold = mergeThreshold;
    }

    public Answer consolidate(String queryId, QueryKind kind, List<SourceAnswer> answers, long elapsedMs) {
        List<SourceAnswer> ordered = answers.stream().sorted(Comparator.comparing(SourceAnswer::sourceId)).toList();
        Map<String, SourceAnswer> bySource = new LinkedHashMap<>();
        ordered.forEach(a -> bySource.put(a.sourceId(), a));
        List<ScoredRecord> found = ordered.stream()
                .filter(a -> a.status() == SourceStatus.OK)
                .flatMap(a -> a.records().stream())
                .sorted(Comparator.comparingDouble(ScoredRecord::score).reversed()
                        .thenComparing(ScoredRecord::sourceId)
                        .thenComparing(r -> r.record().recordId()))
                .toList();
        List<ScoredRecord> restricted = found.stream().filter(ScoredRecord::restricted).toList();
        found = found.stream().filter(r -> !r.restricted()).toList();
        List<List<ScoredRecord>> groups = switch (kind) {
            case PERSON -> groupPersons(found);
            case DOCUMENT -> groupBy(found, r -> {
                DocumentRecord d = (DocumentRecord) r.record();
                return d.issuingCountry() + "/" + d.number();
            });
            case VEHICLE -> groupBy(found, r -> {
                VehicleRecord v = (VehicleRecord) r.record();
                return v.vin() != null ? "VIN/" + v.vin() : v.registrationCountry() + "/" + normalisedPlate(v.plate());
            });
        };
        List<Answer.Subject> subjects = new ArrayList<>();
        for (List<ScoredRecord> group : groups) {
            subjects.add(subject("S" + (subjects.size() + 1), group, bySource));
        }
        for (ScoredRecord r : restricted) {
            subjects.add(restrictedSubject("S" + (subjects.size() + 1), r));
        }
        int withheld = ordered.stream().mapToInt(SourceAnswer::withheld).sum();
        boolean complete = withheld == 0 && ordered.stream().allMatch(a -> a.status() == SourceStatus.OK
                || a.status() == SourceStatus.NOT_PERMITTED || a.status() == SourceStatus.NOT_APPLICABLE);
        Outcome outcome = outcome(subjects, complete);
        ActionToTake action = subjects.stream()
                .filter(s -> outcome != Outcome.HIT || s.match() == MatchLevel.HIT)
                .map(Answer.Subject::action)
                .reduce(ActionToTake.NO_ACTION, ActionToTake::mostUrgent);
        List<SafetyWarning> warnings = warnings(subjects.stream().flatMap(s -> s.warnings().stream()).toList());
        List<Answer.SourceReport> reports = ordered.stream()
                .map(a -> new Answer.SourceReport(a.sourceId(), a.status(), a.latencyMs(), a.records().size(), a.detail()))
                .toList();
        return new Answer(queryId, kind, outcome, complete, action, warnings,
                message(outcome, action, warnings, subjects, ordered), subjects, reports, elapsedMs);
    }

    /** The safety rule, on its own so that it can be proved over every combination of statuses. */
    static Outcome outcome(List<Answer.Subject> subjects, boolean complete) {
        if (subjects.stream().anyMatch(s -> s.match() == MatchLevel.HIT)) {
            return Outcome.HIT;
        }
        if (!subjects.isEmpty()) {
            return Outcome.POSSIBLE_MATCH;
        }
        return complete ? Outcome.NO_HIT : Outcome.INCOMPLETE;
    }

    private List<List<ScoredRecord>> groupPersons(List<ScoredRecord> found) {
        List<List<ScoredRecord>> groups = new ArrayList<>();
        for (ScoredRecord candidate : found) {
            PersonRecord person = (PersonRecord) candidate.record();
            List<ScoredRecord> home = null;
            for (List<ScoredRecord> group : groups) {
                boolean sourceAlreadyThere = group.stream().anyMatch(r -> r.sourceId().equals(candidate.sourceId()));
                if (!sourceAlreadyThere && samePerson((PersonRecord) group.get(0).record(), person)) {
                    home = group;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(candidate);
        }
        return groups;
    }

    private boolean samePerson(PersonRecord first, PersonRecord other) {
        if (first.dateOfBirth() != null && other.dateOfBirth() != null
                && !first.dateOfBirth().compatibleWith(other.dateOfBirth())) {
            return false;
        }
        PersonQuery asQuery = new PersonQuery(first.fullName(), first.dateOfBirth(), first.nationality(), null);
        return matcher.score(asQuery, other).score() >= mergeThreshold;
    }

    private static List<List<ScoredRecord>> groupBy(List<ScoredRecord> found, Function<ScoredRecord, String> key) {
        Map<String, List<ScoredRecord>> groups = new LinkedHashMap<>();
        for (ScoredRecord r : found) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return new ArrayList<>(groups.values());
    }

    private Answer.Subject subject(String id, List<ScoredRecord> group, Map<String, SourceAnswer> bySource) {
        double score = group.stream().mapToDouble(ScoredRecord::score).max().orElse(0);
        MatchLevel level = score >= hitThreshold ? MatchLevel.HIT : MatchLevel.POSSIBLE_MATCH;
        List<Alert> alerts = group.stream().flatMap(r -> r.record().alerts().stream()).toList();
        ActionToTake action;
        if (alerts.isEmpty()) {
            action = ActionToTake.NO_ACTION;
        } else if (level == MatchLevel.HIT) {
            action = alerts.stream().map(Alert::action).reduce(ActionToTake.NO_ACTION, ActionToTake::mostUrgent);
        } else {
            action = ActionToTake.VERIFY_IDENTITY;
        }
        List<SafetyWarning> warnings = warnings(alerts.stream().flatMap(a -> a.warnings().stream()).toList());
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, List<String>> dates = new LinkedHashMap<>();
        Map<String, List<String>> nationalities = new LinkedHashMap<>();
        Map<String, List<String>> identifiers = new LinkedHashMap<>();
        List<Answer.RecordReport> records = new ArrayList<>();
        for (ScoredRecord r : group) {
            SourceRecord record = r.record();
            if (record instanceof PersonRecord p) {
                add(names, p.fullName(), r.sourceId());
                add(dates, p.dateOfBirth() == null ? null : p.dateOfBirth().toString(), r.sourceId());
                add(nationalities, p.nationality(), r.sourceId());
            } else if (record instanceof DocumentRecord d) {
                add(identifiers, d.type() + " " + d.issuingCountry() + " " + d.number(), r.sourceId());
            } else if (record instanceof VehicleRecord v) {
                add(identifiers, v.plate() == null ? null : "PLATE " + v.registrationCountry() + " " + v.plate(), r.sourceId());
                add(identifiers, v.vin() == null ? null : "VIN " + v.vin(), r.sourceId());
                add(names, v.description(), r.sourceId());
            }
            SourceAnswer source = bySource.get(r.sourceId());
            String contactPoint = record.alerts().stream().map(Alert::contactPoint).filter(Objects::nonNull)
                    .findFirst().orElse(source == null ? null : source.contactPoint());
            records.add(new Answer.RecordReport(r.sourceId(), record.recordId(), round(r.score()), r.reasons(),
                    contactPoint, false, record.alerts()));
        }
        return new Answer.Subject(id, level, round(score), action, warnings, values(names), values(dates),
                values(nationalities), values(identifiers), records);
    }

    /** "Possible hit - contact ...": the source restricted the record; nothing of it is shown. */
    private static Answer.Subject restrictedSubject(String id, ScoredRecord r) {
        return new Answer.Subject(id, MatchLevel.POSSIBLE_MATCH, round(r.score()), ActionToTake.VERIFY_IDENTITY, List.of(),
                List.of(), List.of(), List.of(), List.of(),
                List.of(new Answer.RecordReport(r.sourceId(), null, round(r.score()), r.reasons(), r.restrictedContact(),
                        true, List.of())));
    }

    private static void add(Map<String, List<String>> values, String value, String sourceId) {
        if (value == null || value.isBlank()) {
            return;
        }
        List<String> sources = values.computeIfAbsent(value, v -> new ArrayList<>());
        if (!sources.contains(sourceId)) {
            sources.add(sourceId);
        }
    }

    private static List<Answer.Value> values(Map<String, List<String>> values) {
        return values.entrySet().stream().map(e -> new Answer.Value(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private static List<SafetyWarning> warnings(List<SafetyWarning> all) {
        if (all.isEmpty()) {
            return List.of();
        }
        Set<SafetyWarning> set = EnumSet.copyOf(all);
        return List.copyOf(set);
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    static String normalisedPlate(String plate) {
        return plate == null ? null : plate.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static String message(Outcome outcome, ActionToTake action, List<SafetyWarning> warnings,
                                  List<Answer.Subject> subjects, List<SourceAnswer> answers) {
        String caution = warnings.isEmpty() ? "" : " CAUTION: " + warnings.stream().map(Enum::name)
                .collect(Collectors.joining(", ")) + ".";
        String missing = answers.stream()
                .filter(a -> a.status() != SourceStatus.OK && a.status() != SourceStatus.NOT_PERMITTED
                        && a.status() != SourceStatus.NOT_APPLICABLE)
                .map(a -> a.sourceId() + " (" + a.status() + ")")
                .collect(Collectors.joining(", "));
        String contacts = subjects.stream().flatMap(s -> s.records().stream())
                .map(Answer.RecordReport::contactPoint).filter(Objects::nonNull).distinct().limit(3)
                .collect(Collectors.joining("; "));
        int withheld = answers.stream().mapToInt(SourceAnswer::withheld).sum();
        String unanswered = (missing.isEmpty() ? "" : " Not answered: " + missing + ".")
                + (withheld == 0 ? "" : " Some records or alerts are not available to your profile: "
                + answers.stream().filter(a -> a.withheld() > 0).map(a -> a.sourceId() + " (" + a.contactPoint() + ")")
                .collect(Collectors.joining(", ")) + ".");
        return switch (outcome) {
            case HIT -> "HIT: " + action + "." + caution + " Confirm with " + contacts + " before acting." + unanswered;
            case POSSIBLE_MATCH -> "POSSIBLE MATCH: verify identity; contact " + contacts + "." + caution + unanswered;
            case NO_HIT -> "No hit in any of the " + answers.stream().filter(a -> a.status() == SourceStatus.OK).count()
                    + " sources queried.";
            case INCOMPLETE -> "INCOMPLETE, not a no-hit:" + unanswered.substring(0, unanswered.length() - 1)
                    + ". Ask again or contact the sources.";
        };
    }
}
