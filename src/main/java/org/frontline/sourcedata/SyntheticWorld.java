package org.frontline.sourcedata;

import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PartialDate;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;
import org.frontline.model.SourceRecord;
import org.frontline.model.WhenRestricted;
import org.frontline.source.SourceSchema;
import org.frontline.source.Entries.Document;
import org.frontline.source.Entries.Name;
import org.frontline.source.Entries.Person;
import org.frontline.source.Entries.Vehicle;
import org.frontline.sourcedata.NameBank.Culture;
import org.frontline.sourcedata.NameBank.Element;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A deterministic synthetic world of people and objects the five demo sources hold.
 *
 * <p><b>Identities and records.</b> A canonical identity is a person of one culture with a name made
 * of elements (given, middle or ancestral names, family names), each element carrying its known
 * spellings and, for Arabic, Chinese and Russian names, its original script. Identities are never
 * stored: identity {@code i} is a pure function of (seed, i), computed when needed from a
 * {@link SplittableRandom} seeded by mixing the two. Each source holds {@code personsPerSource}
 * person records. About 15% of each source's records belong to a shared pool of identities, each of
 * which appears in two to five sources (drawn per identity), so that roughly 7% of all identities
 * are known to more than one source; the other records are the source's own identities, drawn from
 * that source's mix of cultures. Record position j of a source maps to an identity (shared ones
 * first) and to a record number through an affine permutation, so ids do not betray which are shared.
 *
 * <p><b>Variants.</b> A source writes an identity its own way, from a random stream seeded by
 * (seed, identity, source): for each element it takes the spelling its clerks prefer with
 * probability 0.6, else any known spelling (Mohammed / Muhammad / Mohamed; Yuriy / Iouri / Jurij from
 * one Cyrillic original romanised three ways); then, independently, it may drop diacritics (German
 * registers expand umlauts instead), drop a middle name, the ancestral chain of an Arab name or a
 * second surname, swap given and family names, or make one typing error. Dates of birth may be
 * known only to the year in one source and to the day in another. The same identity therefore
 * reads differently in each source, as it does in real registers; the ground truth keeps which
 * record belongs to which identity.
 *
 * <p><b>Streaming.</b> Records are produced one at a time to a consumer, in a fixed order; only the
 * list of shared identities per source (about 0.16 ints per person) is held, so a million persons
 * per source need a few megabytes. Documents (1.0 per person) and vehicles (0.5 per person) are
 * separate streams; their numbers are unique by construction (see {@link Formats}), and about 12% of
 * documents name a holder among the source's person records.
 *
 * <p><b>Walkthrough subjects</b> ({@link Walkthrough}) come first in each stream; synthetic records
 * are kept from colliding with them.
 */
public final class SyntheticWorld {

    /** Changes whenever the same seed would give different data. */
    public static final int GENERATOR_VERSION = 5;   // 3: person-name keys (frontline_name_key) written beside each source; 4: عمر (Omar) in Arabic script keyed as a name, no longer dropped as the title "mr"; 5: سعيد is spelt Saeed, Said or Saied, no longer Sayed (which is سيد, another name)

    /** Documents per person record in each source. */
    public static final double DOCUMENTS_PER_PERSON = 1.0;
    /** Vehicles per person record in each source. */
    public static final double VEHICLES_PER_PERSON = 0.5;

    public static final int MAX_PERSONS_PER_SOURCE = 5_000_000;

    private static final double SHARED_POOL_PER_PERSON = 0.32;
    private static final long SALT_SHARE = 0x5EED_0001L;
    private static final long SALT_IDENTITY = 0x5EED_0002L;
    private static final long SALT_RECORD = 0x5EED_0003L;
    private static final long SALT_DOCUMENT = 0x5EED_0004L;
    private static final long SALT_VEHICLE = 0x5EED_0005L;
    private static final long SALT_PERMUTATION = 0x5EED_0006L;
    /** AIMC's own draw of the shared identities it holds: a stream of its own, so the five's data stay as they were. */
    private static final long SALT_AIMC_SHARE = 0x5EED_0007L;
    /** The chance that AIMC holds a shared identity: Arab identities far more often than the rest. */
    private static final double AIMC_HOLDS_ARAB = 0.8;
    private static final double AIMC_HOLDS_OTHER = 0.2;
    /** ECO's own draw of the shared identities it holds, as AIMC's. */
    private static final long SALT_ECO_SHARE = 0x5EED_0008L;
    /** The chance that ECO holds a shared identity: Persian and Turkic identities far more often than the rest. */
    private static final double ECO_HOLDS_OWN = 0.8;
    private static final double ECO_HOLDS_OTHER = 0.15;

    private static final LocalDate EPOCH = LocalDate.of(2026, 1, 1);

    private final long seed;
    private final int persons;
    private final int sharedPool;
    private final int[][] sharedBySource;
    /** AIMC's shared identities, drawn on first use (it costs an identity per shared one). */
    private volatile int[] sharedByAimc;
    /** ECO's shared identities, drawn on first use. */
    private volatile int[] sharedByEco;

    public SyntheticWorld(long seed, int personsPerSource) {
        if (personsPerSource < 1 || personsPerSource > MAX_PERSONS_PER_SOURCE) {
            throw new IllegalArgumentException("personsPerSource must be 1.." + MAX_PERSONS_PER_SOURCE + ", was " + personsPerSource);
        }
        this.seed = seed;
        this.persons = personsPerSource;
        this.sharedPool = (int) Math.round(personsPerSource * SHARED_POOL_PER_PERSON);
        this.sharedBySource = shareOut();
    }

    public long seed() {
        return seed;
    }

    public int personsPerSource() {
        return persons;
    }

    public int documentsPerSource() {
        return (int) Math.round(persons * DOCUMENTS_PER_PERSON);
    }

    public int vehiclesPerSource() {
        return (int) Math.round(persons * VEHICLES_PER_PERSON);
    }

    /** Identity ids below this are the shared pool (each in two sources or more). */
    public long sharedIdentities() {
        return sharedPool;
    }

    /** Every record of a source in the common model: persons, then documents, then vehicles. */
    public void forEachRecord(String source, Consumer<SourceRecord> action) {
        SourceProfile p = SourceProfile.of(source);
        persons(p, e -> action.accept(e.toRecord()));
        documents(p, e -> action.accept(e.toRecord()));
        vehicles(p, e -> action.accept(e.toRecord()));
    }

    /** The ground truth of every record of a source, in the order of {@link #forEachRecord}. */
    public void forEachGroundTruth(String source, Consumer<GroundTruth> action) {
        SourceProfile p = SourceProfile.of(source);
        persons(p, e -> action.accept(new GroundTruth(p.id, QueryKind.PERSON, e.recordId(), e.identity(),
                "", e.alerts().isEmpty() ? "" : e.alerts().get(0).category().name(), e.nationality(), "", "",
                e.walkthrough())));
        documents(p, d -> action.accept(new GroundTruth(p.id, QueryKind.DOCUMENT, d.recordId(), d.holderIdentity(),
                d.type().name(), d.status().name(), d.country(), d.number(), "", d.walkthrough())));
        vehicles(p, v -> action.accept(new GroundTruth(p.id, QueryKind.VEHICLE, v.recordId(), -1, "VEHICLE",
                v.status().name(), v.country(), v.plate(), v.vin(), v.walkthrough())));
    }

    /** Writes the ground truth of all five sources as CSV (header line first). Returns the number of rows. */
    public long writeGroundTruthCsv(Path file) throws IOException {
        return writeGroundTruthCsv(file, SourceSchemas.TYPES);
    }

    /** Writes the ground truth of these sources (the five, AIMC, ECO) as CSV, header line first. Returns the number of rows. */
    public long writeGroundTruthCsv(Path file, List<String> sources) throws IOException {
        long[] rows = {0};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(GroundTruth.CSV_HEADER);
            w.newLine();
            for (String source : sources) {
                IOException[] failure = {null};
                forEachGroundTruth(source, g -> {
                    if (failure[0] == null) {
                        try {
                            w.write(g.toCsv());
                            w.newLine();
                            rows[0]++;
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
        }
        return rows[0];
    }

    /**
     * Ground truth of one record.
     *
     * @param identityId the canonical identity (persons; documents with a holder), or -1
     * @param type       document type, or "VEHICLE", or "" for persons
     * @param status     document/vehicle alert category, or the person's first alert category, or ""
     * @param country    nationality, issuing or registration country (alpha-3), or null
     * @param number     document number or plate
     */
    public record GroundTruth(String source, QueryKind kind, String recordId, long identityId, String type,
                              String status, String country, String number, String vin, boolean walkthrough) {

        static final String CSV_HEADER = "source,kind,record_id,identity_id,type,status,country,number,vin,origin";

        String toCsv() {
            return String.join(",", source, kind.name(), csv(recordId), identityId < 0 ? "" : Long.toString(identityId),
                    type, status, csv(country), csv(number), csv(vin), walkthrough ? "walkthrough" : "synthetic");
        }

        private static String csv(String s) {
            if (s == null) {
                return "";
            }
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }

    // ------------------------------------------------------------------ streams

    void persons(SourceProfile source, Consumer<Person> out) {
        Walkthrough.persons(source, out);
        int[] shared = shared(source);
        int sharedHere = Math.min(shared.length, persons);
        long alertCounter = 0;
        long a = permutationMultiplier(persons);
        long b = Math.floorMod(mix(seed, SALT_PERMUTATION, source.ordinal()), persons);
        for (int j = 0; j < persons; j++) {
            long identityId = identityAt(source, j, shared, sharedHere);
            long n = (a * j + b) % persons;
            Identity identity = identity(identityId);
            SplittableRandom r = new SplittableRandom(mix(seed, SALT_RECORD, identityId * 8 + source.ordinal()));
            List<Alert> alerts = alerts(identity, source, r, alertCounter);
            alertCounter += alerts.size();
            out.accept(render(identity, source, source.personId(n), r, alerts));
        }
    }

    void documents(SourceProfile source, Consumer<Document> out) {
        Walkthrough.documents(source, out);
        int[] shared = shared(source);
        int sharedHere = Math.min(shared.length, persons);
        long pa = permutationMultiplier(persons);
        long pb = Math.floorMod(mix(seed, SALT_PERMUTATION, source.ordinal()), persons);
        int count = documentsPerSource();
        List<String> worldwide = new ArrayList<>(new TreeSet<>(Formats.DOCUMENT_PATTERNS.keySet()));
        for (int i = 0; i < count; i++) {
            SplittableRandom r = new SplittableRandom(mix(seed, SALT_DOCUMENT, i * 8L + source.ordinal()));
            int n = uniqueNumber(i, source, 0x2545F491);
            long holderIdentity = -1;
            String holderRecord = null;
            String country;
            if (r.nextDouble() < 0.12) {
                int j = r.nextInt(persons);
                holderIdentity = identityAt(source, j, shared, sharedHere);
                holderRecord = source.personId((pa * j + pb) % persons);
                String nationality = identity(holderIdentity).nationality;
                country = nationality == null ? pick(source.members, r) : nationality;
            } else {
                country = r.nextDouble() < 0.6 ? pick(source.members, r) : pick(worldwide, r);
            }
            String number = Formats.documentNumber(country, n, r);
            double t = r.nextDouble();
            DocumentType type = t < 0.65 ? DocumentType.PASSPORT : t < 0.90 ? DocumentType.ID_CARD
                    : t < 0.95 ? DocumentType.VISA : t < 0.98 ? DocumentType.RESIDENCE_PERMIT : DocumentType.TRAVEL_DOCUMENT;
            double st = r.nextDouble();
            AlertCategory status = st < 0.45 ? AlertCategory.STOLEN_DOCUMENT
                    : st < 0.95 ? AlertCategory.LOST_DOCUMENT : AlertCategory.REVOKED_DOCUMENT;
            Set<String> restricted = r.nextDouble() < 0.05 ? someMembers(source, r) : Set.of();
            Document d = new Document(source.documentId(1 + i, country, number), holderIdentity, number, country,
                    SourceSchema.of(source.id).writer().documentType(type), status, date(r, 2008, 2025), holderRecord, restricted,
                    handlingCode(source, r), pick(source.contactPoints, r), false);
            Walkthrough.requireNoCollision(d);
            out.accept(d);
        }
    }

    void vehicles(SourceProfile source, Consumer<Vehicle> out) {
        Walkthrough.vehicles(source, out);
        int count = vehiclesPerSource();
        List<String> worldwide = new ArrayList<>(new TreeSet<>(Formats.PLATE_PATTERNS.keySet()));
        long pa = permutationMultiplier(persons);
        long pb = Math.floorMod(mix(seed, SALT_PERMUTATION, source.ordinal()), persons);
        for (int i = 0; i < count; i++) {
            SplittableRandom r = new SplittableRandom(mix(seed, SALT_VEHICLE, i * 8L + source.ordinal()));
            int n = uniqueNumber(i, source, 0x6C8E9CF5);
            String country = r.nextDouble() < 0.75 ? pick(source.members, r) : pick(worldwide, r);
            Formats.Maker maker = pick(Formats.MAKERS, r);
            double which = r.nextDouble();
            String plate = which < 0.85 ? Formats.plate(country, n, r) : null;
            String vin = which >= 0.10 ? Formats.vin(maker, n, r) : null;
            if (plate == null && vin == null) {
                plate = Formats.plate(country, n, r);
            }
            boolean wanted = source != SourceProfile.INTERPOL && r.nextDouble() < 0.10;
            String linked = source == SourceProfile.EUROPOL && r.nextDouble() < 0.05
                    ? source.personId((pa * r.nextInt(persons) + pb) % persons) : null;
            Vehicle v = new Vehicle(source.vehicleId(1 + i), plate, plate == null ? null : country, vin, maker.make(),
                    pick(maker.models(), r), pick(Formats.COLOURS, r),
                    wanted ? AlertCategory.WANTED_VEHICLE : AlertCategory.STOLEN_VEHICLE,
                    wanted ? ActionToTake.REPORT : ActionToTake.SEIZE, date(r, 2012, 2025), linked,
                    r.nextDouble() < 0.05 ? someMembers(source, r) : Set.of(), handlingCode(source, r),
                    pick(source.contactPoints, r), false);
            Walkthrough.requireNoCollision(v);
            out.accept(v);
        }
    }

    // ------------------------------------------------------------------ identities

    /** A canonical identity: what is true of the person, before any source writes it down. */
    record Identity(long id, Culture culture, Sex sex, Element given, Element given2, List<Element> middle,
                    Element family, Element family2, boolean familyFirst, boolean ancestral, PartialDate dob,
                    String nationality, AlertCategory trouble, Element aliasGiven, Element aliasFamily,
                    String script) {
    }

    private long identityAt(SourceProfile source, int position, int[] shared, int sharedHere) {
        if (position < sharedHere) {
            return shared[position];
        }
        return sharedPool + (long) source.ordinal() * persons + (position - sharedHere);
    }

    Identity identity(long id) {
        SplittableRandom r = new SplittableRandom(mix(seed, SALT_IDENTITY, id));
        double[] weights = id < sharedPool ? SourceProfile.GLOBAL_CULTURE_WEIGHTS
                : SourceProfile.values()[(int) ((id - sharedPool) / persons)].cultureWeights;
        Culture culture = Culture.values()[weighted(weights, r)];
        Sex sex = r.nextDouble() < 0.72 ? Sex.MALE : Sex.FEMALE;   // alert registers skew male
        boolean male = sex == Sex.MALE;
        Element given;
        Element given2 = null;
        List<Element> middle = List.of();
        Element family;
        Element family2 = null;
        boolean familyFirst = false;
        boolean ancestral = false;
        String script = null;
        Element aliasGiven = null;
        switch (culture) {
            case ARABIC -> {
                given = pick(male ? NameBank.ARABIC_MALE : NameBank.ARABIC_FEMALE, r);
                middle = List.of(pick(NameBank.ARABIC_MALE, r), pick(NameBank.ARABIC_MALE, r));
                family = pick(NameBank.ARABIC_FAMILY, r);
                ancestral = true;
                script = given.original() + " " + middle.get(0).original() + " " + middle.get(1).original() + " "
                        + family.original();
                aliasGiven = pick(male ? NameBank.ARABIC_MALE : NameBank.ARABIC_FEMALE, r);
            }
            case PERSIAN -> {
                given = pick(male ? NameBank.PERSIAN_MALE : NameBank.PERSIAN_FEMALE, r);
                family = pick(NameBank.PERSIAN_FAMILY, r);
            }
            case TURKISH -> {
                given = pick(male ? NameBank.TURKISH_MALE : NameBank.TURKISH_FEMALE, r);
                given2 = r.nextDouble() < 0.2 ? pick(male ? NameBank.TURKISH_MALE : NameBank.TURKISH_FEMALE, r) : null;
                family = pick(NameBank.TURKISH_FAMILY, r);
            }
            case SLAVIC -> {
                String[] father = pick(Arrays.asList(NameBank.SLAVIC_MALE_CYR), r);
                String givenCyr = male ? pick(Arrays.asList(NameBank.SLAVIC_MALE_CYR), r)[0] : pick(Arrays.asList(NameBank.SLAVIC_FEMALE_CYR), r);
                String familyCyr = pick(Arrays.asList(NameBank.SLAVIC_FAMILY_CYR), r);
                if (!male) {
                    familyCyr = NameBank.feminineCyrillic(familyCyr);
                }
                String patronymic = male ? father[1] : father[2];
                given = NameBank.cyrillic(givenCyr);
                middle = List.of(NameBank.cyrillic(patronymic));
                family = NameBank.cyrillic(familyCyr);
                script = givenCyr + " " + patronymic + " " + familyCyr;
            }
            case CHINESE -> {
                family = pick(NameBank.CHINESE_FAMILY, r);
                given = pick(male ? NameBank.CHINESE_MALE : NameBank.CHINESE_FEMALE, r);
                familyFirst = true;
                script = family.original() + given.original();
            }
            case VIETNAMESE -> {
                family = pick(NameBank.VIETNAMESE_FAMILY, r);
                middle = List.of(pick(male ? NameBank.VIETNAMESE_MIDDLE_MALE : NameBank.VIETNAMESE_MIDDLE_FEMALE, r));
                given = pick(male ? NameBank.VIETNAMESE_MALE : NameBank.VIETNAMESE_FEMALE, r);
                familyFirst = true;
            }
            case MALAY_INDONESIAN -> {
                if (r.nextBoolean()) {
                    given = pick(male ? NameBank.MALAY_MALE : NameBank.MALAY_FEMALE, r);
                    String link = male ? "bin" : "binti";
                    Element father = pick(NameBank.MALAY_FATHER, r);
                    List<String> forms = new ArrayList<>();
                    for (String f : father.spellings()) {
                        forms.add(link + " " + f);
                    }
                    forms.add((male ? "b. " : "bt. ") + father.canonical());
                    family = new Element(List.copyOf(forms), null);
                } else {
                    given = pick(male ? NameBank.INDONESIAN_MALE : NameBank.INDONESIAN_FEMALE, r);
                    family = r.nextDouble() < 0.2 ? null : pick(NameBank.INDONESIAN_FAMILY, r);   // mononyms
                }
            }
            case HISPANIC -> {
                given = pick(male ? NameBank.HISPANIC_MALE : NameBank.HISPANIC_FEMALE, r);
                family = pick(NameBank.HISPANIC_FAMILY, r);
                family2 = pick(NameBank.HISPANIC_FAMILY, r);
            }
            case LUSOPHONE -> {
                given = pick(male ? NameBank.LUSO_MALE : NameBank.LUSO_FEMALE, r);
                family = pick(NameBank.LUSO_FAMILY, r);
                family2 = pick(NameBank.LUSO_FAMILY, r);
            }
            case WEST_AFRICAN -> {
                given = pick(male ? NameBank.WEST_AFRICAN_MALE : NameBank.WEST_AFRICAN_FEMALE, r);
                family = pick(NameBank.WEST_AFRICAN_FAMILY, r);
            }
            case GERMAN -> {
                given = pick(male ? NameBank.GERMAN_MALE : NameBank.GERMAN_FEMALE, r);
                given2 = r.nextDouble() < 0.15 ? pick(male ? NameBank.GERMAN_MALE : NameBank.GERMAN_FEMALE, r) : null;
                family = pick(NameBank.GERMAN_FAMILY, r);
            }
            case FRENCH -> {
                given = pick(male ? NameBank.FRENCH_MALE : NameBank.FRENCH_FEMALE, r);
                given2 = r.nextDouble() < 0.15 ? pick(male ? NameBank.FRENCH_MALE : NameBank.FRENCH_FEMALE, r) : null;
                family = pick(NameBank.FRENCH_FAMILY, r);
            }
            case POLISH_CZECH -> {
                given = pick(male ? NameBank.POLISH_CZECH_MALE : NameBank.POLISH_CZECH_FEMALE, r);
                Element f = pick(NameBank.POLISH_CZECH_FAMILY, r);
                if (!male) {
                    Element fem = f.map(NameBank::feminineWestSlavic);
                    List<String> spellings = new ArrayList<>(fem.spellings());
                    String ascii = Spelling.stripDiacritics(spellings.get(0));
                    if (!spellings.contains(ascii)) {
                        spellings.add(ascii);
                    }
                    f = new Element(List.copyOf(spellings), null);
                }
                family = f;
            }
            case NORDIC -> {
                given = pick(male ? NameBank.NORDIC_MALE : NameBank.NORDIC_FEMALE, r);
                family = pick(NameBank.NORDIC_FAMILY, r);
            }
            default -> {
                given = pick(male ? NameBank.ITALIAN_MALE : NameBank.ITALIAN_FEMALE, r);
                family = pick(NameBank.ITALIAN_FAMILY, r);
            }
        }
        int year = 1945 + (int) Math.round(63 * (r.nextDouble() + r.nextDouble()) / 2);
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(r.nextInt(365));
        PartialDate dob = r.nextDouble() < 0.10 ? PartialDate.ofYear(year) : PartialDate.of(day);
        dob = Walkthrough.avoidDateOfBirth(dob);
        String nationality = pick(culture.nationalities, r);
        double t = r.nextDouble();
        AlertCategory trouble = t < 0.035 ? AlertCategory.WANTED_FOR_ARREST
                : t < 0.050 ? AlertCategory.MISSING_PERSON
                : t < 0.070 ? AlertCategory.DISCREET_CHECK
                : t < 0.078 ? AlertCategory.SPECIFIC_CHECK
                : t < 0.085 ? AlertCategory.DANGEROUS_PERSON : null;
        Element aliasFamily = null;
        if (r.nextDouble() < 0.07) {
            aliasGiven = aliasGiven != null && r.nextBoolean() ? aliasGiven : given;
            aliasFamily = r.nextBoolean() && family != null ? family : pickFamilyLike(culture, r);
        } else {
            aliasGiven = null;
        }
        return new Identity(id, culture, sex, given, given2, middle, family, family2, familyFirst, ancestral, dob,
                nationality, trouble, aliasGiven, aliasFamily, script);
    }

    private static Element pickFamilyLike(Culture culture, SplittableRandom r) {
        return switch (culture) {
            case ARABIC -> pick(NameBank.ARABIC_FAMILY, r);
            case HISPANIC -> pick(NameBank.HISPANIC_FAMILY, r);
            case LUSOPHONE -> pick(NameBank.LUSO_FAMILY, r);
            case CHINESE -> pick(NameBank.CHINESE_FAMILY, r);
            case WEST_AFRICAN -> pick(NameBank.WEST_AFRICAN_FAMILY, r);
            case TURKISH -> pick(NameBank.TURKISH_FAMILY, r);
            default -> pick(NameBank.GERMAN_FAMILY, r);
        };
    }

    // ------------------------------------------------------------------ how one source writes an identity

    private Person render(Identity id, SourceProfile s, String recordId, SplittableRandom r, List<Alert> alerts) {
        String given = spell(id.given, s, r);
        if (id.given2 != null && r.nextDouble() < 0.75) {
            given = given + " " + spell(id.given2, s, r);
        }
        List<String> middle = new ArrayList<>();
        if (id.ancestral) {
            double keep = s == SourceProfile.GCCPOL || s == SourceProfile.AIMC ? 0.95 : 0.4;
            if (r.nextDouble() < keep) {
                middle.add(spell(id.middle.get(0), s, r));
                if (r.nextDouble() < 0.7) {
                    middle.add(spell(id.middle.get(1), s, r));
                }
            }
        } else {
            for (Element m : id.middle) {
                if (r.nextDouble() < (id.familyFirst ? 0.9 : 0.5)) {
                    middle.add(spell(m, s, r));
                }
            }
        }
        String family = id.family == null ? null : spell(id.family, s, r);
        String family2 = id.family2 != null && r.nextDouble() < (s == SourceProfile.AMERIPOL ? 0.95 : 0.6)
                ? spell(id.family2, s, r) : null;
        Name name = new Name(given, middle, family, family2, id.familyFirst, id.ancestral);
        if (r.nextDouble() < s.dropDiacritics) {
            boolean german = s == SourceProfile.EUROPOL && r.nextBoolean();
            name = mapParts(name, german ? Spelling::germanTransliteration : Spelling::stripDiacritics);
        }
        if (r.nextDouble() < 0.04) {
            name = r.nextBoolean() || name.family() == null
                    ? new Name(Spelling.typo(name.given(), r), name.middle(), name.family(), name.family2(), name.familyFirst(), name.ancestral())
                    : new Name(name.given(), name.middle(), Spelling.typo(name.family(), r), name.family2(), name.familyFirst(), name.ancestral());
        }
        if (name.family() != null && r.nextDouble() < 0.03) {
            name = new Name(name.family(), List.of(), name.given(), null, name.familyFirst(), false);
        }
        List<Name> aliases = new ArrayList<>();
        if (id.aliasGiven != null && r.nextDouble() < 0.8) {
            aliases.add(new Name(spell(id.aliasGiven, s, r), List.of(),
                    id.aliasFamily == null ? null : spell(id.aliasFamily, s, r), null, id.familyFirst, false));
        }
        if (id.script != null) {
            boolean writeScript = switch (id.culture) {
                case CHINESE -> s == SourceProfile.ASEANAPOL && r.nextDouble() < 0.5;
                case SLAVIC -> (s == SourceProfile.INTERPOL || s == SourceProfile.EUROPOL) && r.nextDouble() < 0.25;
                default -> false;
            };
            if (writeScript) {
                aliases.add(new Name(null, List.of(), id.script, null, true, false));
            }
        }
        PartialDate dob = id.dob;
        double d = r.nextDouble();
        if (d < 0.01) {
            dob = null;
        } else if (d < 0.09 && dob.isFullDate()) {
            dob = PartialDate.ofYear(dob.year());
        }
        String nationality = r.nextDouble() < 0.04 ? null : id.nationality;
        Sex sex = r.nextDouble() < 0.02 ? Sex.UNKNOWN : id.sex;
        String script = id.culture == Culture.ARABIC ? id.script : null;
        return new Person(recordId, id.id, name, script, aliases, dob, sex, nationality, alerts, false);
    }

    private static Name mapParts(Name n, java.util.function.UnaryOperator<String> f) {
        return new Name(n.given() == null ? null : f.apply(n.given()), n.middle().stream().map(f).toList(),
                n.family() == null ? null : f.apply(n.family()), n.family2() == null ? null : f.apply(n.family2()),
                n.familyFirst(), n.ancestral());
    }

    private static String spell(Element e, SourceProfile s, SplittableRandom r) {
        List<String> spellings = e.spellings();
        if (spellings.size() == 1) {
            return spellings.get(0);
        }
        return r.nextDouble() < 0.6 ? spellings.get(s.preferredSpelling % spellings.size())
                : spellings.get(r.nextInt(spellings.size()));
    }

    private List<Alert> alerts(Identity id, SourceProfile s, SplittableRandom r, long counter) {
        if (id.trouble == null || r.nextDouble() >= 0.85) {
            return List.of();
        }
        AlertCategory category = id.trouble;
        ActionToTake action = switch (category) {
            case WANTED_FOR_ARREST -> ActionToTake.ARREST;
            case MISSING_PERSON -> ActionToTake.LOCATE;
            case DISCREET_CHECK -> ActionToTake.DISCREET_CHECK;
            default -> ActionToTake.REPORT;
        };
        if ((s == SourceProfile.GCCPOL || s == SourceProfile.AIMC) && category == AlertCategory.WANTED_FOR_ARREST
                && r.nextDouble() < 0.25) {
            category = AlertCategory.TRAVEL_BAN;
            action = ActionToTake.PREVENT_TRAVEL;
        }
        List<SafetyWarning> warnings = new ArrayList<>();
        if (category == AlertCategory.WANTED_FOR_ARREST && r.nextDouble() < 0.3
                || category == AlertCategory.DANGEROUS_PERSON && r.nextDouble() < 0.8) {
            if (r.nextDouble() < 0.6) {
                warnings.add(SafetyWarning.ARMED);
            }
            if (r.nextDouble() < 0.6) {
                warnings.add(SafetyWarning.VIOLENT);
            }
            if (r.nextDouble() < 0.3 || warnings.isEmpty()) {
                warnings.add(SafetyWarning.ESCAPE_RISK);
            }
        }
        if (category == AlertCategory.MISSING_PERSON && r.nextDouble() < 0.2) {
            warnings.add(SafetyWarning.SELF_HARM);
        }
        if (r.nextDouble() < 0.005) {
            warnings.add(SafetyWarning.CONTAGIOUS);
        }
        Set<String> countries = r.nextDouble() < 0.12 ? someMembers(s, r) : Set.of();
        Set<String> agencies = r.nextDouble() < s.agencyRestricted
                ? new TreeSet<>(List.of(pick(List.of("BKA", "DCPJ", "NCA", "GDF", "KLPD", "CICO"), r))) : Set.of();
        double c = r.nextDouble();
        Clearance clearance = c < 0.85 ? Clearance.UNCLASSIFIED : c < 0.92 ? Clearance.RESTRICTED
                : c < 0.97 ? Clearance.CONFIDENTIAL : Clearance.SECRET;
        boolean restricted = !countries.isEmpty() || !agencies.isEmpty() || clearance != Clearance.UNCLASSIFIED;
        WhenRestricted when = restricted && r.nextDouble() < 0.4 ? WhenRestricted.CONTACT_ONLY : WhenRestricted.HIDE;
        LocalDate issued = date(r, 2005, 2025);
        Alert alert = new Alert(s.alertId(counter, issued.getYear()), category, action, warnings, issued,
                new HandlingRestrictions(countries, agencies, clearance, handlingCode(s, r), when),
                pick(s.contactPoints, r));
        return List.of(SourceSchema.of(s.id).writer().normalize(alert));
    }

    private static String handlingCode(SourceProfile s, SplittableRandom r) {
        if (s != SourceProfile.EUROPOL) {
            return null;
        }
        double h = r.nextDouble();
        return h < 0.70 ? "H0" : h < 0.85 ? "H1" : h < 0.95 ? "H2" : "H3";
    }

    private static Set<String> someMembers(SourceProfile s, SplittableRandom r) {
        int k = 2 + r.nextInt(3);
        Set<String> out = new TreeSet<>();
        while (out.size() < Math.min(k, s.members.size())) {
            out.add(pick(s.members, r));
        }
        return out;
    }

    // ------------------------------------------------------------------ plumbing

    /** The shared identities a source holds, in the order its first records take them. */
    private int[] shared(SourceProfile source) {
        if (source == SourceProfile.ECO) {
            int[] eco = sharedByEco;
            if (eco == null) {
                eco = shareOutTo(SALT_ECO_SHARE, c -> c == Culture.PERSIAN || c == Culture.TURKISH ? ECO_HOLDS_OWN : ECO_HOLDS_OTHER);
                sharedByEco = eco;
            }
            return eco;
        }
        if (source != SourceProfile.AIMC) {
            return sharedBySource[source.ordinal()];
        }
        int[] aimc = sharedByAimc;
        if (aimc == null) {
            aimc = shareOutToAimc();
            sharedByAimc = aimc;
        }
        return aimc;
    }

    /**
     * The shared identities AIMC holds: each drawn from (seed, k) on AIMC's own stream, an Arab identity
     * with probability {@link #AIMC_HOLDS_ARAB}, any other with {@link #AIMC_HOLDS_OTHER}. The five
     * sources' sharing ({@link #shareOut}) does not know AIMC, so their data do not change with it; an
     * identity AIMC holds is also held by two to five of them.
     */
    private int[] shareOutToAimc() {
        return shareOutTo(SALT_AIMC_SHARE, c -> c == Culture.ARABIC ? AIMC_HOLDS_ARAB : AIMC_HOLDS_OTHER);
    }

    /** The shared identities a source added after the five holds, each drawn from (seed, k) on the source's own stream. */
    private int[] shareOutTo(long salt, java.util.function.ToDoubleFunction<Culture> holds) {
        int[] out = new int[16];
        int size = 0;
        for (int k = 0; k < sharedPool; k++) {
            SplittableRandom r = new SplittableRandom(mix(seed, salt, k));
            double p = holds.applyAsDouble(identity(k).culture);
            if (r.nextDouble() < p) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, size * 2);
                }
                out[size++] = k;
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** Which shared identities each of the first five sources holds: identity k goes to 2..5 of them, drawn from (seed, k). */
    private int[][] shareOut() {
        int sources = SourceProfile.FIRST_FIVE;
        int[][] lists = new int[sources][16];
        int[] sizes = new int[sources];
        int[] order = new int[sources];
        for (int k = 0; k < sharedPool; k++) {
            SplittableRandom r = new SplittableRandom(mix(seed, SALT_SHARE, k));
            double m = r.nextDouble();
            int copies = m < 0.65 ? 2 : m < 0.90 ? 3 : m < 0.98 ? 4 : 5;
            for (int i = 0; i < sources; i++) {
                order[i] = i;
            }
            for (int i = sources - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int c = 0; c < copies; c++) {
                int s = order[c];
                if (sizes[s] == lists[s].length) {
                    lists[s] = Arrays.copyOf(lists[s], lists[s].length * 2);
                }
                lists[s][sizes[s]++] = k;
            }
        }
        int[][] out = new int[sources][];
        for (int s = 0; s < sources; s++) {
            out[s] = Arrays.copyOf(lists[s], sizes[s]);
        }
        return out;
    }

    /** A multiplier coprime with n, so that j -> (a*j + b) mod n permutes 0..n-1. */
    private static long permutationMultiplier(int n) {
        long a = Math.max(1, (long) (n * 0.6180339887));
        while (gcd(a, n) != 1) {
            a++;
        }
        return a;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Item i's number, unique below Formats.CAPACITY for i below it (odd multiplier mod 2^23). */
    private int uniqueNumber(int i, SourceProfile s, int multiplier) {
        long offset = mix(seed, multiplier, s.ordinal());
        return (int) ((i * (long) multiplier + offset) & (Formats.CAPACITY - 1));
    }

    private static LocalDate date(SplittableRandom r, int fromYear, int toYear) {
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        long days = LocalDate.of(toYear, 12, 31).toEpochDay() - from.toEpochDay();
        LocalDate d = from.plusDays(r.nextLong(days + 1));
        return d.isBefore(EPOCH) ? d : EPOCH.minusDays(1);
    }

    private static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    private static int weighted(double[] weights, SplittableRandom r) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static long mix(long seed, long salt, long value) {
        return mix64(mix64(seed ^ 0x9E3779B97F4A7C15L) ^ mix64(salt + 0x632BE59BD9B4E019L) ^ value * 0xBF58476D1CE4E5B9L);
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
