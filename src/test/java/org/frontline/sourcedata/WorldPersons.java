package org.frontline.sourcedata;

import org.frontline.model.Alert;
import org.frontline.source.Entries;
import org.frontline.model.PartialDate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The synthetic world's person records with their truth, for measuring answers from outside the
 * package: test code of {@code org.frontline.sourcedata}, so that it reaches the package-private
 * streams of {@link SyntheticWorld} ({@code persons}, {@code identity}) without widening them in the
 * main code. Everything here is read-only and deterministic per (seed, persons per source).
 */
public final class WorldPersons {

    /**
     * One person record as a source holds it.
     *
     * @param name         the whole name in the order the person's documents write it
     * @param givenNames   given names (with middle names), or null
     * @param familyNames  family names, or null
     * @param familyFirst  whether the culture writes the family name first
     * @param nameInScript the original script (Arabic records), or null
     * @param dateOfBirth  {@code YYYY-MM-DD}, {@code YYYY} or null
     * @param alertActions the actions of the record's alerts (ARREST, LOCATE...)
     */
    public record Held(String source, String recordId, long identity, String name, String givenNames,
                       String familyNames, boolean familyFirst, String nameInScript, List<String> aliases,
                       String dateOfBirth, String nationality, String sex, Set<String> alertActions,
                       boolean walkthrough) {
    }

    /**
     * What is true of an identity before any source writes it: its canonical Latin name, its name in
     * the original script (Arabic, Chinese, Russian), date of birth and nationality.
     */
    public record Canonical(long identity, String name, String script, String dateOfBirth, String nationality) {
    }

    /** (source, record id) → identity, compactly: one long per synthetic record, read back from the record number. */
    public static final class Truth {

        private final int persons;
        private final Map<String, long[]> bySource = new HashMap<>();
        private final Map<String, Long> base = new HashMap<>();
        private final Map<String, Long> walkthrough = new HashMap<>();

        private Truth(int persons, List<SourceProfile> profiles) {
            this.persons = persons;
            for (SourceProfile p : profiles) {
                long[] ids = new long[persons];
                java.util.Arrays.fill(ids, -1);
                bySource.put(p.id, ids);
                base.put(p.id, trailingNumber(p.personId(0)));
            }
        }

        private void add(Held h) {
            if (h.walkthrough()) {
                walkthrough.put(h.source() + "/" + h.recordId(), h.identity());
                return;
            }
            long n = trailingNumber(h.recordId()) - base.get(h.source());
            if (n < 0 || n >= persons) {
                throw new IllegalStateException("unexpected record id " + h.source() + "/" + h.recordId());
            }
            bySource.get(h.source())[(int) n] = h.identity();
        }

        /** The identity of a person record, or -1 when the world holds no such record (not synthetic). */
        public long identityOf(String source, String recordId) {
            if (source == null || recordId == null) {
                return -1;
            }
            Long w = walkthrough.get(source + "/" + recordId);
            if (w != null) {
                return w;
            }
            long[] ids = bySource.get(source);
            long n = trailingNumber(recordId);
            if (ids == null || n < 0) {
                return -1;
            }
            n -= base.get(source);
            return n < 0 || n >= persons ? -1 : ids[(int) n];
        }

        private static long trailingNumber(String id) {
            int i = id.length();
            while (i > 0 && Character.isDigit(id.charAt(i - 1))) {
                i--;
            }
            if (i == id.length() || id.length() - i > 18) {
                return -1;
            }
            return Long.parseLong(id.substring(i));
        }
    }

    private final SyntheticWorld world;
    /** The sources whose records this view streams: the five, and AIMC and/or ECO when asked. */
    private final List<SourceProfile> profiles;

    /** The five PostgreSQL sources' records (what the answer-quality floors were measured on). */
    public WorldPersons(long seed, int personsPerSource) {
        this(seed, personsPerSource, false);
    }

    /** With {@code withAimc}, AIMC's records too (issue #17): the ground truth of a six-source service. */
    public WorldPersons(long seed, int personsPerSource, boolean withAimc) {
        this(seed, personsPerSource, withAimc, false);
    }

    /** With {@code withEco}, ECO's records too (issue #17 item 2, the partner's database): a service that asks ECO. */
    public WorldPersons(long seed, int personsPerSource, boolean withAimc, boolean withEco) {
        this.world = new SyntheticWorld(seed, personsPerSource);
        this.profiles = java.util.Arrays.stream(SourceProfile.values())
                .filter(p -> p.ordinal() < SourceProfile.FIRST_FIVE || (withAimc && p == SourceProfile.AIMC)
                        || (withEco && p == SourceProfile.ECO)).toList();
    }

    public long seed() {
        return world.seed();
    }

    public int personsPerSource() {
        return world.personsPerSource();
    }

    /** Identity ids below this are the shared pool: each held by two sources or more. */
    public long sharedIdentities() {
        return world.sharedIdentities();
    }

    /** Identity ids of synthetic persons are below this; some of them no source holds. */
    public long identitySpace() {
        return world.sharedIdentities() + (long) profiles.size() * world.personsPerSource();
    }

    /** Streams every person record of every source (walkthrough subjects first in each), and returns the record truth. */
    public Truth forEachPerson(Consumer<Held> action) {
        Truth truth = new Truth(world.personsPerSource(), profiles);
        for (SourceProfile p : profiles) {
            world.persons(p, e -> {
                Set<String> actions = new TreeSet<>();
                for (Alert a : e.alerts()) {
                    actions.add(a.action().name());
                }
                Held h = new Held(p.id, e.recordId(), e.identity(), e.name().natural(), e.name().givenNames(),
                        e.name().familyNames(), e.name().familyFirst(), e.nameInScript(),
                        e.aliases().stream().map(Entries.Name::natural).toList(),
                        e.dateOfBirth() == null ? null : e.dateOfBirth().toString(), e.nationality(),
                        e.sex().name(), actions, e.walkthrough());
                truth.add(h);
                action.accept(h);
            });
        }
        return truth;
    }

    /** An identity as it is before any source writes it (also for identities no source holds). */
    public Canonical canonical(long identity) {
        SyntheticWorld.Identity id = world.identity(identity);
        StringBuilder given = new StringBuilder(id.given().canonical());
        if (id.given2() != null) {
            given.append(' ').append(id.given2().canonical());
        }
        StringBuilder family = new StringBuilder();
        if (id.family() != null) {
            family.append(id.family().canonical());
        }
        if (id.family2() != null) {
            family.append(' ').append(id.family2().canonical());
        }
        String name;
        if (family.length() == 0) {
            name = given.toString();
        } else if (id.familyFirst()) {
            name = family + " " + given;
        } else {
            name = given + " " + family;
        }
        PartialDate dob = id.dob();
        return new Canonical(identity, name, id.script(), dob == null ? null : dob.toString(), id.nationality());
    }

    /** One typing error as the generator makes them (may return the word unchanged: short words, non-letters). */
    public static String typo(String s, SplittableRandom random) {
        return Spelling.typo(s, random);
    }
}
