package org.frontline.quality;

import org.frontline.sourcedata.WorldPersons;
import org.frontline.sourcedata.WorldPersons.Canonical;
import org.frontline.sourcedata.WorldPersons.Held;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Labelled person questions drawn from the synthetic world's ground truth, deterministically from a
 * sample seed: one pass over every person record of every source collects the records of a sample
 * of shared identities (each held by two sources or more), checks that the "nobody" identities are
 * held by no source, that their name and date of birth coincide with no held record, and that the
 * "nobody has" dates are carried by no record. Then, per type, the first {@code perType} eligible
 * sampled identities each give one question.
 */
public final class QuerySet {

    /** The questions, and the truth to read answers with. */
    public record Generated(List<LabelledQuery> queries, WorldPersons.Truth truth, long seed, int personsPerSource,
                            long sampleSeed) {

        public List<LabelledQuery> ofType(String type) {
            return queries.stream().filter(q -> q.type().equals(type)).toList();
        }
    }

    private static final LocalDate NOBODY_FROM = LocalDate.of(1925, 1, 1);
    private static final LocalDate NOBODY_TO = LocalDate.of(1940, 12, 31);

    private QuerySet() {
    }

    public static Generated generate(WorldPersons world, int perType, long sampleSeed, Collection<String> types) {
        SplittableRandom random = new SplittableRandom(sampleSeed);
        long shared = world.sharedIdentities();
        // the sample of shared identities (several per question, as some types take only some of them)
        int wanted = (int) Math.min(shared, (long) perType * 6);
        Set<Long> sample = new LinkedHashSet<>();
        while (sample.size() < wanted) {
            sample.add(random.nextLong(shared));
        }
        // candidates for "nobody": synthetic identity slots that may be held by no source
        Map<Long, Canonical> nobody = new LinkedHashMap<>();
        int nobodyWanted = (int) Math.min(world.identitySpace() - shared, (long) perType * 14);
        while (nobody.size() < nobodyWanted) {
            long id = shared + random.nextLong(world.identitySpace() - shared);
            nobody.computeIfAbsent(id, world::canonical);
        }
        Map<String, Set<Long>> nobodyByKey = new HashMap<>();
        // their dates and years: only a record with one of them can coincide (the name key is computed for those alone)
        Set<String> nobodyDobs = new HashSet<>();
        for (Canonical c : nobody.values()) {
            if (c.dateOfBirth() != null) {
                nobodyDobs.add(c.dateOfBirth());
                nobodyDobs.add(c.dateOfBirth().substring(0, 4));
                nobodyByKey.computeIfAbsent(key(c.name()) + "|" + c.dateOfBirth(), k -> new HashSet<>()).add(c.identity());
                nobodyByKey.computeIfAbsent(key(c.name()) + "|" + c.dateOfBirth().substring(0, 4), k -> new HashSet<>())
                        .add(c.identity());
            }
        }
        // dates of birth nobody has, one per sampled identity (checked in the pass)
        Map<Long, String> nobodyDates = new HashMap<>();
        long days = NOBODY_TO.toEpochDay() - NOBODY_FROM.toEpochDay() + 1;
        for (long id : sample) {
            nobodyDates.put(id, NOBODY_FROM.plusDays(rng(sampleSeed, DOB_SALT, id).nextLong(days)).toString());
        }
        Set<String> candidateDates = new HashSet<>(nobodyDates.values());

        Map<Long, List<Held>> records = new HashMap<>();
        Set<Long> heldNobody = new HashSet<>();
        Set<Long> coincident = new HashSet<>();
        Set<String> takenDates = new HashSet<>();
        WorldPersons.Truth truth = world.forEachPerson(h -> {
            if (sample.contains(h.identity())) {
                records.computeIfAbsent(h.identity(), k -> new ArrayList<>()).add(h);
            }
            if (nobody.containsKey(h.identity())) {
                heldNobody.add(h.identity());
            }
            if (h.dateOfBirth() != null) {
                if (candidateDates.contains(h.dateOfBirth())) {
                    takenDates.add(h.dateOfBirth());
                }
                if (!nobodyDobs.contains(h.dateOfBirth())) {
                    return;
                }
                List<String> names = new ArrayList<>(h.aliases());
                names.add(h.name());
                for (String name : names) {
                    Set<Long> same = nobodyByKey.get(key(name) + "|" + h.dateOfBirth());
                    if (same != null) {
                        // a held record with that name and that date (or that year, when it holds only the year)
                        coincident.addAll(same);
                    }
                }
            }
        });

        List<LabelledQuery> out = new ArrayList<>();
        for (String type : types) {
            if (!QueryTypes.SYNTHETIC.contains(type)) {
                throw new IllegalArgumentException("unknown query type " + type + ", expected one of " + QueryTypes.SYNTHETIC);
            }
            int made = 0;
            if (type.equals(QueryTypes.NOBODY_NAME_DOB) || type.equals(QueryTypes.NOBODY_NAME_ONLY)) {
                for (Canonical c : nobody.values()) {
                    if (made == perType) {
                        break;
                    }
                    if (heldNobody.contains(c.identity())) {
                        continue;
                    }
                    boolean withDate = type.equals(QueryTypes.NOBODY_NAME_DOB);
                    if (withDate && (c.dateOfBirth() == null || coincident.contains(c.identity()))) {
                        continue;
                    }
                    out.add(new LabelledQuery(type, c.name(), withDate ? c.dateOfBirth() : null, null, -1, null,
                            Set.of(), Set.of()));
                    made++;
                }
                continue;
            }
            for (long id : sample) {
                if (made == perType) {
                    break;
                }
                List<Held> held = records.getOrDefault(id, List.of()).stream().filter(h -> !h.walkthrough()).toList();
                if (held.stream().map(Held::source).distinct().count() < 2) {
                    continue;
                }
                LabelledQuery q = question(type, world.canonical(id), held, nobodyDates.get(id),
                        takenDates.contains(nobodyDates.get(id)), rng(sampleSeed, type.hashCode(), id));
                if (q != null) {
                    out.add(q);
                    made++;
                }
            }
        }
        return new Generated(List.copyOf(out), truth, world.seed(), world.personsPerSource(), sampleSeed);
    }

    private static final long DOB_SALT = 0x0D0B_0001L;

    /** One question of a type about a held identity, or null when the identity does not suit the type. */
    private static LabelledQuery question(String type, Canonical truth, List<Held> held, String nobodyDate,
                                          boolean nobodyDateTaken, SplittableRandom r) {
        Held b = held.get(r.nextInt(held.size()));
        String dob = truth.dateOfBirth();
        boolean full = dob != null && dob.length() == 10;
        Set<String> trueRecords = held.stream().map(h -> h.source() + "/" + h.recordId())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actions = held.stream().flatMap(h -> h.alertActions().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        String name = b.name();
        String source = b.source();
        String date = null;
        String nationality = null;
        switch (type) {
            case QueryTypes.NAME_DOB -> {
                if (!full) {
                    return null;
                }
                date = dob;
            }
            case QueryTypes.NAME_DOB_NATIONALITY -> {
                if (!full || truth.nationality() == null) {
                    return null;
                }
                date = dob;
                nationality = truth.nationality();
            }
            case QueryTypes.NAME_ONLY -> {
            }
            case QueryTypes.NAME_NATIONALITY -> {
                if (truth.nationality() == null) {
                    return null;
                }
                nationality = truth.nationality();
            }
            case QueryTypes.NATIVE_SCRIPT_DOB -> {
                if (!full || truth.script() == null) {
                    return null;
                }
                name = truth.script();
                source = null;
                date = dob;
            }
            case QueryTypes.TYPO_DOB -> {
                if (!full) {
                    return null;
                }
                String typed = name;
                for (int i = 0; i < 10 && typed.equals(name); i++) {
                    typed = WorldPersons.typo(name, r);
                }
                if (typed.equals(name)) {
                    return null;
                }
                name = typed;
                date = dob;
            }
            case QueryTypes.SWAPPED_ORDER_DOB -> {
                if (!full || b.givenNames() == null || b.familyNames() == null) {
                    return null;
                }
                name = b.familyFirst() ? b.givenNames() + " " + b.familyNames() : b.familyNames() + " " + b.givenNames();
                date = dob;
            }
            case QueryTypes.DOB_YEAR_ONLY -> {
                if (dob == null) {
                    return null;
                }
                date = dob.substring(0, 4);
            }
            case QueryTypes.DOB_DAY_MONTH_SWAPPED -> {
                if (!full) {
                    return null;
                }
                LocalDate d = LocalDate.parse(dob);
                if (d.getDayOfMonth() > 12 || d.getDayOfMonth() == d.getMonthValue()) {
                    return null;
                }
                date = LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue()).toString();
            }
            case QueryTypes.DOB_CONFLICTING -> {
                if (!full) {
                    return null;
                }
                int years = (3 + r.nextInt(10)) * (r.nextBoolean() ? 1 : -1);
                date = LocalDate.parse(dob).plusYears(years).toString();
            }
            case QueryTypes.DOB_NOBODY_HAS -> {
                if (nobodyDateTaken) {
                    return null;
                }
                // nobody held is this person: no truth
                return new LabelledQuery(type, name, nobodyDate, null, -1, source, Set.of(), Set.of());
            }
            default -> throw new IllegalArgumentException(type);
        }
        return new LabelledQuery(type, name, date, nationality, truth.identity(), source, trueRecords, actions);
    }

    private static SplittableRandom rng(long seed, long salt, long id) {
        long z = seed * 0x9E3779B97F4A7C15L ^ salt * 0xBF58476D1CE4E5B9L ^ id * 0x94D049BB133111EBL;
        return new SplittableRandom(z);
    }

    /** A name compared as a set of words: diacritics, case, punctuation and order ignored. */
    static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String[] words = s.split("[^\\p{L}\\p{N}]+");
        Arrays.sort(words);
        return Arrays.stream(words).filter(w -> !w.isEmpty()).collect(Collectors.joining(" "));
    }
}
