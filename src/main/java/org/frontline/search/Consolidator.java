package org.frontline.search;

import org.frontline.match.PersonEvidence;
import org.frontline.match.PersonMatch;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.DocumentRecord;
import org.frontline.model.Outcome;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.model.SourceRecord;
import org.frontline.model.SourceStatus;
import org.frontline.model.VehicleRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the sources' answers into one answer an officer can act on.
 *
 * <h2>Subjects that cannot glue</h2>
 * Documents merge by issuing country and number, vehicles by VIN or else by country and plate: exact
 * keys. Persons are the hard part. Merging records because each looks like the query, or because each
 * looks like the first record of a group, chains different people together through a record with
 * little data: a record without a date of birth joins first, and every later record is compared with
 * it alone. So a person record joins a subject only on evidence between the records themselves
 * ({@link PersonEvidence#linked}: their names agree and their dates of birth corroborate each other,
 * nothing contradicting, at the merge threshold, weighed from both sides, and higher still when one
 * of them knows only the year; a record without a date of birth joins nothing), and only when it is
 * compatible with every record already there (no conflicting dates of birth, sexes or nationalities;
 * at most one record per source). A record that could join two subjects that were kept apart stays
 * on its own and says so; one kept apart because it knows too little (no date, or only the year)
 * says which record it may be, so that the officer sees the doubt instead of a merge the data cannot
 * carry: in the synthetic world, namesakes born the same year are far more common than one person
 * held by two sources ({@code MergeEvaluation}). The doubt is also structured: both subjects name
 * each other in {@link Answer.Subject#maybeSameAs()}, so that a client can show the possible record
 * beside the subject it may belong to, and the answer-quality benchmark can tell a split the answer
 * points out from one it hides.
 *
 * <h2>The decision</h2>
 * Each record arrives weighed ({@link ScoredRecord#level()}, by the person evidence or an exact key);
 * a subject is a HIT when one of its records is. When the answer is a HIT, its action, warnings,
 * message and contact points come from the HIT subjects alone: a possible match's alerts never turn
 * a HIT into an arrest of someone else, and a message never says one action while warning of
 * another person's weapons. A POSSIBLE_MATCH answer says what would settle it. Subjects are listed
 * HIT first, then by probability (among equals, the name written closer to the query's first), at most
 * {@code maxSubjects}, with a count of the rest.
 *
 * <h2>The safety rule</h2>
 * NO_HIT only when no subject was found and every source that should answer answered OK. Sources
 * the officer may not query (NOT_PERMITTED) or that hold nothing of the kind asked (NOT_APPLICABLE)
 * are not expected to answer; every other status makes an empty answer INCOMPLETE, never NO_HIT.
 */
public final class Consolidator {

    private static final Comparator<Answer.Subject> RANK = Comparator
            .comparing((Answer.Subject s) -> s.match() == MatchLevel.HIT ? 0 : 1)
            .thenComparing(Comparator.comparingDouble(Answer.Subject::score).reversed());

    private final PersonEvidence evidence;
    private final double mergeThreshold;
    private final double hitThreshold;
    private final int maxSubjects;

    public Consolidator(PersonEvidence evidence, double mergeThreshold, double hitThreshold, int maxSubjects) {
        this.evidence = evidence;
        this.mergeThreshold = mergeThreshold;
        this.hitThreshold = hitThreshold;
        this.maxSubjects = maxSubjects;
    }

    public Answer consolidate(String queryId, QueryKind kind, List<SourceAnswer> answers, long elapsedMs) {
        List<SourceAnswer> ordered = answers.stream().sorted(Comparator.comparing(SourceAnswer::sourceId)).toList();
        Map<String, SourceAnswer> bySource = new LinkedHashMap<>();
        ordered.forEach(a -> bySource.put(a.sourceId(), a));
        List<ScoredRecord> found = ordered.stream()
                .filter(a -> a.status() == SourceStatus.OK)
                .flatMap(a -> a.records().stream())
                .sorted(Comparator.comparing((ScoredRecord r) -> r.hit() ? 0 : 1)
                        .thenComparing(Comparator.comparingDouble(ScoredRecord::score).reversed())
                        .thenComparing(Comparator.comparingDouble(ScoredRecord::closeness).reversed())
                        .thenComparing(ScoredRecord::sourceId)
                        .thenComparing(r -> r.record().recordId()))
                .toList();
        List<ScoredRecord> restricted = found.stream().filter(ScoredRecord::restricted).toList();
        found = found.stream().filter(r -> !r.restricted()).toList();
        Grouping grouping = switch (kind) {
            case PERSON -> groupPersons(found);
            case DOCUMENT -> new Grouping(groupBy(found, r -> {
                DocumentRecord d = (DocumentRecord) r.record();
                return d.issuingCountry() + "/" + d.number();
            }), Map.of());
            case VEHICLE -> new Grouping(groupBy(found, r -> {
                VehicleRecord v = (VehicleRecord) r.record();
                return v.vin() != null ? "VIN/" + v.vin() : v.registrationCountry() + "/" + normalisedPlate(v.plate());
            }), Map.of());
        };
        // each subject with the group it was made of (-1: a restricted record), ranked
        List<Placed> placed = new ArrayList<>();
        List<Contest> contests = kind == QueryKind.PERSON ? contests(grouping.groups()) : null;
        for (int g = 0; g < grouping.groups().size(); g++) {
            placed.add(new Placed(subject(grouping.groups().get(g), bySource, contests == null ? null : contests.get(g)), g));
        }
        for (ScoredRecord r : restricted) {
            placed.add(new Placed(restrictedSubject(r), -1));
        }
        placed.sort(Comparator.comparing(Placed::subject, RANK));
        int[] rankOfGroup = new int[grouping.groups().size()];
        for (int i = 0; i < placed.size(); i++) {
            if (placed.get(i).group() >= 0) {
                rankOfGroup[placed.get(i).group()] = i + 1;
            }
        }
        List<Answer.Subject> subjects = new ArrayList<>(placed.size());
        for (int i = 0; i < placed.size(); i++) {
            Answer.Subject s = placed.get(i).subject().renumbered("S" + (i + 1));
            Set<Integer> resembled = grouping.resemblances().get(placed.get(i).group());
            if (resembled != null) {
                // only subjects the answer lists: a reference to one cut from the list would point nowhere
                s = s.maybeSameAs(resembled.stream().map(g -> rankOfGroup[g]).filter(n -> n <= maxSubjects).sorted()
                        .map(n -> "S" + n).toList());
            }
            subjects.add(s);
        }
        int withheld = ordered.stream().mapToInt(SourceAnswer::withheld).sum();
        boolean complete = withheld == 0 && ordered.stream().allMatch(a -> a.status() == SourceStatus.OK
                || a.status() == SourceStatus.NOT_PERMITTED || a.status() == SourceStatus.NOT_APPLICABLE);
        Outcome outcome = outcome(subjects, complete);
        // when the answer is a HIT, only the HIT subjects speak: someone else's alert never sets the action
        List<Answer.Subject> deciding = outcome == Outcome.HIT
                ? subjects.stream().filter(s -> s.match() == MatchLevel.HIT).toList() : subjects;
        ActionToTake action = deciding.stream()
                .map(Answer.Subject::action)
                .reduce(ActionToTake.NO_ACTION, ActionToTake::mostUrgent);
        List<SafetyWarning> warnings = warnings(deciding.stream().flatMap(s -> s.warnings().stream()).toList());
        List<Answer.SourceReport> reports = ordered.stream()
                .map(a -> new Answer.SourceReport(a.sourceId(), a.status(), a.latencyMs(), a.records().size(), a.detail()))
                .toList();
        String message = message(outcome, action, warnings, deciding, subjects, ordered);
        List<Answer.Subject> listed = subjects.size() > maxSubjects ? List.copyOf(subjects.subList(0, maxSubjects)) : subjects;
        return new Answer(queryId, kind, outcome, complete, action, warnings, message, listed,
                subjects.size() - listed.size(), reports, elapsedMs);
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

    /**
     * Person records into subjects, strongest first: a record joins the one subject it is directly
     * and strongly linked to and compatible with throughout; linked to none, it starts its own; linked
     * to several (kept apart for a reason), it stays alone and says so.
     */
    private Grouping groupPersons(List<ScoredRecord> found) {
        PairEvidence pairs = new PairEvidence();
        List<List<ScoredRecord>> groups = new ArrayList<>();
        Map<ScoredRecord, String> notes = new HashMap<>();
        Map<Integer, Set<Integer>> resemblances = new HashMap<>();
        for (ScoredRecord candidate : found) {
            PersonRecord person = (PersonRecord) candidate.record();
            List<Integer> joinable = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                if (mayJoin(pairs, groups.get(g), candidate, person)) {
                    joinable.add(g);
                }
            }
            int own = groups.size();
            if (joinable.size() == 1) {
                int g = joinable.get(0);
                if (!hasRival(pairs, groups.get(g), candidate, found)) {
                    groups.get(g).add(candidate);
                    continue;
                }
                // another record of the same source would join this subject as well: a source holds a
                // person once, so the data cannot say which of the two is this person
                notes.put(candidate, "another " + candidate.sourceId() + " record fits the subject it resembles"
                        + " as well: kept apart; confirm with the contact point");
                resemble(resemblances, own, g);
            } else if (joinable.size() > 1) {
                notes.put(candidate, "resembles " + joinable.size()
                        + " other subjects of this answer that are not one person: kept apart");
                joinable.forEach(g -> resemble(resemblances, own, g));
            } else {
                Resembled resembled = resembled(pairs, groups, candidate, person);
                if (resembled != null) {
                    notes.put(candidate, resembled.note());
                    resembled.groups().forEach(g -> resemble(resemblances, own, g));
                }
            }
            List<ScoredRecord> alone = new ArrayList<>();
            alone.add(candidate);
            groups.add(alone);
        }
        if (notes.isEmpty()) {
            return new Grouping(groups, resemblances);
        }
        List<List<ScoredRecord>> out = new ArrayList<>(groups.size());
        for (List<ScoredRecord> group : groups) {
            ScoredRecord first = group.get(0);
            String note = notes.get(first);
            if (note == null) {
                out.add(group);
            } else {
                List<String> reasons = new ArrayList<>(first.reasons());
                reasons.add(note);
                List<ScoredRecord> noted = new ArrayList<>(group);
                noted.set(0, new ScoredRecord(first.sourceId(), first.record(), first.score(), reasons, null,
                        first.level(), first.toResolve(), first.closeness()));
                out.add(noted);
            }
        }
        return new Grouping(out, resemblances);
    }

    /**
     * The evidence between two records ({@link PersonEvidence#between}), weighed once per answer: grouping
     * sets a record against the same others again and again (each subject it may join, each rival record
     * of its own source, each subject it may resemble), and each weighing compares every name of one with
     * every name of the other both ways. Keyed by the records themselves, in the order asked.
     */
    private final class PairEvidence {
        private final Map<PersonRecord, Map<PersonRecord, PersonMatch>> weighed = new IdentityHashMap<>();

        PersonMatch between(PersonRecord a, PersonRecord b) {
            return weighed.computeIfAbsent(a, k -> new IdentityHashMap<>()).computeIfAbsent(b, k -> evidence.between(a, b));
        }
    }

    /** Person records grouped into subjects, and which groups may be the same person without being joined. */
    private record Grouping(List<List<ScoredRecord>> groups, Map<Integer, Set<Integer>> resemblances) {
    }

    private record Resembled(String note, List<Integer> groups) {
    }

    private static void resemble(Map<Integer, Set<Integer>> resemblances, int a, int b) {
        resemblances.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
        resemblances.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
    }

    /** A subject and the index of the group it was made of, -1 for a restricted record's. */
    private record Placed(Answer.Subject subject, int group) {
    }

    /**
     * A subject's probability among the others it competes with, and what would settle it. Null when
     * nothing competes.
     */
    private record Contest(double probability, String toResolve) {
    }

    /**
     * <b>People who cannot all be the one asked about.</b> Each record is weighed against the query on
     * its own, as if no other record existed. But the person in front of the officer is one person: two
     * subjects that cannot be one person (their dates of birth, sexes or nationalities conflict, or they
     * hold records of the same source, which holds a person once) cannot both be them. At a million
     * persons per source, two Pawel Szymanski born on 1991-01-08, one Czech, one Polish, each reach 0.94
     * against a question without a nationality; both were HITs, one of them someone else. Here each
     * subject's odds are set against those of the subjects it competes with and against nobody at all:
     * p = o / (1 + o + sum of the competitors' o), the posterior under "at most one of them is the
     * person". A subject alone keeps its probability; two equal ones fall to about a half each, and a
     * HIT that falls below the HIT threshold becomes a possible match that says what tells them apart.
     * Subjects that may be one person ({@code maybeSameAs}) do not compete.
     */
    private List<Contest> contests(List<List<ScoredRecord>> groups) {
        int n = groups.size();
        double[] odds = new double[n];
        for (int g = 0; g < n; g++) {
            double p = Math.min(groups.get(g).stream().mapToDouble(ScoredRecord::score).max().orElse(0), 1 - 1e-9);
            odds[g] = p / (1 - p);
        }
        List<Contest> out = new ArrayList<>(n);
        for (int g = 0; g < n; g++) {
            double against = 0;
            List<List<ScoredRecord>> strong = new ArrayList<>();
            for (int h = 0; h < n; h++) {
                if (h != g && !onePersonPossible(groups.get(g), groups.get(h))) {
                    against += odds[h];
                    if (odds[h] >= odds[g] / 10) {
                        strong.add(groups.get(h));
                    }
                }
            }
            if (against == 0) {
                out.add(null);
                continue;
            }
            double probability = odds[g] / (1 + odds[g] + against);
            out.add(new Contest(probability, strong.isEmpty() ? null : settle(strong)));
        }
        return out;
    }

    /** Whether two subjects may be one person: no source in common, every pair of records compatible. */
    private static boolean onePersonPossible(List<ScoredRecord> a, List<ScoredRecord> b) {
        for (ScoredRecord x : a) {
            for (ScoredRecord y : b) {
                if (x.sourceId().equals(y.sourceId())
                        || !PersonEvidence.compatible((PersonRecord) x.record(), (PersonRecord) y.record())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** "another person matches as well (POL, europol): ..." — what the officer can check to tell them apart. */
    private static String settle(List<List<ScoredRecord>> competitors) {
        String who = competitors.stream().limit(3).map(group -> {
            PersonRecord p = (PersonRecord) group.get(0).record();
            String born = p.dateOfBirth() == null ? "date of birth unknown" : "born " + p.dateOfBirth();
            String nationality = p.nationality() == null ? "nationality unknown" : p.nationality();
            return nationality + ", " + born + ", " + group.stream().map(ScoredRecord::sourceId).distinct()
                    .collect(Collectors.joining(" + "));
        }).collect(Collectors.joining("; "));
        return (competitors.size() == 1 ? "another person matches as well (" : competitors.size() + " other persons match as well (")
                + who + "): check the nationality or a document number before acting";
    }

    /**
     * A record kept apart because it knows too little (no date of birth, or only the year), or because
     * its name is too common for equal dates to settle it, from a
     * subject whose names it agrees with and that nothing contradicts: the officer sees it as a
     * subject of its own and is told which record it may be, and why the answer could not decide.
     */
    private Resembled resembled(PairEvidence pairs, List<List<ScoredRecord>> groups, ScoredRecord candidate,
                                PersonRecord person) {
        String note = null;
        List<Integer> resembled = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<ScoredRecord> group = groups.get(g);
            if (!onePersonPossible(group, List.of(candidate))) {
                continue;
            }
            for (ScoredRecord member : group) {
                if (pairs.between((PersonRecord) member.record(), person).resembles()) {
                    resembled.add(g);
                    if (note == null) {
                        PersonRecord other = (PersonRecord) member.record();
                        String why = person.dateOfBirth() == null ? "this record holds no date of birth"
                                : !person.dateOfBirth().isFullDate() ? "this record holds only the year of birth"
                                : other.dateOfBirth() == null || !other.dateOfBirth().isFullDate()
                                ? "that record holds no full date of birth"
                                : "the name is common enough for a namesake born the same day";
                        note = "may be the same person as " + member.sourceId() + " record " + other.recordId()
                                + ": the names agree, but " + why + "; confirm with the contact point";
                    }
                    break;
                }
            }
        }
        return note == null ? null : new Resembled(note, resembled);
    }

    /** Whether another record of the candidate's source could join the group as well. */
    private boolean hasRival(PairEvidence pairs, List<ScoredRecord> group, ScoredRecord candidate, List<ScoredRecord> found) {
        for (ScoredRecord other : found) {
            if (other != candidate && other.sourceId().equals(candidate.sourceId())
                    && mayJoin(pairs, group, other, (PersonRecord) other.record())) {
                return true;
            }
        }
        return false;
    }

    private boolean mayJoin(PairEvidence pairs, List<ScoredRecord> group, ScoredRecord candidate, PersonRecord person) {
        boolean linked = false;
        for (ScoredRecord member : group) {
            if (member.sourceId().equals(candidate.sourceId())) {
                return false;
            }
            PersonRecord other = (PersonRecord) member.record();
            if (!PersonEvidence.compatible(other, person)) {
                return false;
            }
            if (!linked) {
                linked = pairs.between(other, person).links(mergeThreshold);
            }
        }
        return linked;
    }

    private static List<List<ScoredRecord>> groupBy(List<ScoredRecord> found, Function<ScoredRecord, String> key) {
        Map<String, List<ScoredRecord>> groups = new LinkedHashMap<>();
        for (ScoredRecord r : found) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        return new ArrayList<>(groups.values());
    }

    private Answer.Subject subject(List<ScoredRecord> group, Map<String, SourceAnswer> bySource, Contest contest) {
        double score = group.stream().mapToDouble(ScoredRecord::score).max().orElse(0);
        MatchLevel level = group.stream().anyMatch(ScoredRecord::hit) ? MatchLevel.HIT : MatchLevel.POSSIBLE_MATCH;
        String toResolve = level == MatchLevel.HIT ? null : group.stream()
                .max(Comparator.comparingDouble(ScoredRecord::score)).map(ScoredRecord::toResolve).orElse(null);
        if (contest != null) {
            score = Math.min(score, contest.probability());
            if (level == MatchLevel.HIT && contest.probability() < hitThreshold) {
                level = MatchLevel.POSSIBLE_MATCH;
                toResolve = contest.toResolve();
            }
        }
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
        Map<String, List<String>> descriptions = new LinkedHashMap<>();
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
                add(descriptions, v.description(), r.sourceId());
            }
            SourceAnswer source = bySource.get(r.sourceId());
            String contactPoint = record.alerts().stream().map(Alert::contactPoint).filter(Objects::nonNull)
                    .findFirst().orElse(source == null ? null : source.contactPoint());
            records.add(new Answer.RecordReport(r.sourceId(), record.recordId(), round(r.score()), r.reasons(),
                    contactPoint, false, record.alerts()));
        }
        return new Answer.Subject(null, level, round(score), action, warnings, toResolve, values(names), values(dates),
                values(nationalities), values(identifiers), values(descriptions), records, List.of());
    }

    /** "Possible hit - contact ...": the source restricted the record; nothing of it is shown. */
    private static Answer.Subject restrictedSubject(ScoredRecord r) {
        return new Answer.Subject(null, MatchLevel.POSSIBLE_MATCH, round(r.score()), ActionToTake.VERIFY_IDENTITY, List.of(),
                r.toResolve(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new Answer.RecordReport(r.sourceId(), null, round(r.score()), r.reasons(), r.restrictedContact(),
                        true, List.of())), List.of());
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
                                  List<Answer.Subject> deciding, List<Answer.Subject> subjects, List<SourceAnswer> answers) {
        String caution = warnings.isEmpty() ? "" : " CAUTION: " + warnings.stream().map(Enum::name)
                .collect(Collectors.joining(", ")) + ".";
        String missing = answers.stream()
                .filter(a -> a.status() != SourceStatus.OK && a.status() != SourceStatus.NOT_PERMITTED
                        && a.status() != SourceStatus.NOT_APPLICABLE)
                .map(a -> a.sourceId() + " (" + a.status() + ")")
                .collect(Collectors.joining(", "));
        String contacts = contacts(deciding);
        int withheld = answers.stream().mapToInt(SourceAnswer::withheld).sum();
        String unanswered = (missing.isEmpty() ? "" : " Not answered: " + missing + ".")
                + (withheld == 0 ? "" : " Some records or alerts are not available to your profile: "
                + answers.stream().filter(a -> a.withheld() > 0).map(a -> a.sourceId() + " (" + a.contactPoint() + ")")
                .collect(Collectors.joining(", ")) + ".");
        return switch (outcome) {
            case HIT -> {
                String restrictedToo = subjects.stream().anyMatch(s -> s.match() != MatchLevel.HIT
                        && s.records().stream().anyMatch(Answer.RecordReport::restricted))
                        ? " A restricted record may also concern this person: contact "
                        + contacts(subjects.stream().filter(s -> s.records().stream().anyMatch(Answer.RecordReport::restricted)).toList())
                        + "." : "";
                String what = action == ActionToTake.NO_ACTION
                        ? "HIT: known to " + deciding.stream().flatMap(s -> s.records().stream()).map(Answer.RecordReport::source)
                        .distinct().collect(Collectors.joining(", ")) + "; no action requested."
                        : "HIT: " + action + ".";
                yield what + caution + " Confirm with " + contacts + " before acting." + restrictedToo + unanswered;
            }
            case POSSIBLE_MATCH -> {
                String resolve = subjects.get(0).toResolve();
                // no alert on any possible subject: nothing to act on, and the message must not say otherwise
                String what = action == ActionToTake.NO_ACTION
                        ? "POSSIBLE MATCH without any alert: no action requested" : "POSSIBLE MATCH: verify identity";
                yield what + (resolve == null ? "" : "; " + resolve) + "; contact " + contacts
                        + "." + (caution.isEmpty() ? "" : " CAUTION (possible match): " + caution.substring(10)) + unanswered;
            }
            case NO_HIT -> "No hit in any of the " + answers.stream().filter(a -> a.status() == SourceStatus.OK).count()
                    + " sources queried.";
            case INCOMPLETE -> "INCOMPLETE, not a no-hit:" + unanswered.substring(0, unanswered.length() - 1)
                    + ". Ask again or contact the sources.";
        };
    }

    private static String contacts(List<Answer.Subject> subjects) {
        return subjects.stream().flatMap(s -> s.records().stream())
                .map(Answer.RecordReport::contactPoint).filter(Objects::nonNull).distinct().limit(3)
                .collect(Collectors.joining("; "));
    }
}
