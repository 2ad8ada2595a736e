package org.frontline.source.aimc;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.frontline.match.NameKeys;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.NameStatistics;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;
import org.frontline.model.WhenRestricted;
import org.frontline.source.SourceConnector;
import org.frontline.source.SqlSupport;
import org.frontline.source.UnreadableCodes;
import org.frontline.source.VisibleTo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an AIMC-style source on MariaDB over the reactive MySQL client: names in Arabic script with
 * a Latin transliteration, dates of birth Gregorian or Hijri, the Council's own bulletin vocabulary and
 * distribution model ({@link AimcVocabulary}).
 *
 * <h2>The person search without pg_trgm</h2>
 * The PostgreSQL sources find candidates in one statement ({@link SqlSupport#personCandidates}):
 * B-tree ranges over our name keys, then trigram similarity to rank. MariaDB has the same name-key
 * table (db/sources/aimc/V3) and the same B-tree ranges, but neither trigram operators nor LATERAL, so
 * the search here is three short statements, none of them a scan:
 * <ol>
 * <li>the key rows: the full key, each pair key and each part key of the query as a range of
 * {@code frontline_name_key} (at most {@link SqlSupport#CANDIDATES_PER_KEY} rows each, a
 * {@code UNION ALL} of parenthesised LIMITs in place of LATERAL), the same ranges again among the
 * holders born within a year of the year asked and of unknown year, each part key of the question
 * (its romanisation variants included) among its holders born in each of those three years, the
 * nearest names to the question's on either side, as the PostgreSQL statement reads them, and the raw names of records a
 * clerk wrote ({@code r} rows, few, matched by substring of a query part). Ranked in Java exactly as
 * the PostgreSQL statement ranks them: best {@link Trigrams trigram similarity} of the row's name to
 * the query, plus 0.5 for the full key, 0.1 per pair, 0.02 per part, 0.05 for the very name typed, a
 * raw-name hit half its similarity, plus the year-of-birth weight;</li>
 * <li>the best records, by primary key, with their aliases and bulletins as JSON;</li>
 * <li>how common their names are ({@code frontline_name_frequency}, by primary key).</li>
 * </ol>
 * What the PostgreSQL search has and this one has not: the trigram fallback over normalised names
 * when the keys find too few (a typo that breaks every key of a one- or two-part name). Such a name is
 * still found through its other parts' keys when it has any.
 */
public final class AimcConnector implements SourceConnector {

    /** The weights of {@link SqlSupport#personCandidates}, the same on both engines. */
    private static final double FULL_W = 0.5;
    private static final double PAIR_W = 0.1;
    private static final double PART_W = 0.02;
    private static final double TYPED_W = 0.05;
    private static final double YEAR_EXACT = 1.5;
    private static final double YEAR_NEAR = 0.8;
    private static final double YEAR_UNKNOWN = 0.4;
    /** pg_trgm's default similarity threshold, which the raw-name branch applies there ({@code %}). */
    private static final double RAW_THRESHOLD = 0.3;

    private static final String KEY_RANGE = "SELECT record_ref, `key`, born, %d AS w FROM frontline_name_key"
            + " WHERE key_kind = '%s'%s AND `key` >= ? AND `key` < ? LIMIT ?";

    /** A part key's holders born in one year, on one side of the question's name ({@link #partBornNear}). */
    private static final String PART_BORN_NEAR = "SELECT record_ref, `key`, born, 3 AS w FROM frontline_name_key"
            + " WHERE key_kind = 't' AND born = ? AND `key` %s ORDER BY %s LIMIT ?";

    private static final String PERSONS = """
            SELECT p.person_id, p.name_ar, p.given_latin, p.family_latin, p.birth_date, p.birth_calendar, p.sex,
                   p.nationality,
                   (SELECT JSON_ARRAYAGG(JSON_ARRAY(a.alias_ar, a.alias_latin)) FROM aimc_person_alias a
                     WHERE a.person_id = p.person_id) AS aliases,
                   (SELECT JSON_ARRAYAGG(JSON_OBJECT('no', b.bulletin_no, 'type', b.bulletin_type, 'measure', b.measure,
                           'hazards', b.hazards, 'issued', b.issued_on, 'issuer', b.issuing_state,
                           'distribution', b.distribution, 'shared', b.shared_with, 'secrecy', b.secrecy_level,
                           'onRestricted', b.on_restricted, 'contact', b.contact))
                      FROM aimc_bulletin b WHERE b.person_id = p.person_id) AS bulletins,
                   (SELECT JSON_ARRAYAGG(k.`key`) FROM frontline_name_key k
                     WHERE k.record_ref = p.person_id AND k.key_kind = 'f') AS full_keys
              FROM aimc_person p WHERE p.person_id IN (%s)
            """;

    /** The document look-up: the normalised number, then the issuing country in every form the source might hold. */
    public static final String DOCUMENTS = """
            SELECT document_id, document_no, issuing_country, document_kind, document_state, state_date, person_id,
                   issuing_state, distribution, shared_with, contact
              FROM aimc_document WHERE document_no_norm = ? AND issuing_country IN (%s)
            """;

    private static final String VEHICLE_COLUMNS = """
            SELECT vehicle_id, plate_no, plate_country, vin, make, vehicle_state, state_date, issuing_state,
                   distribution, shared_with, contact FROM aimc_vehicle
            """;
    private static final String VEHICLES_BY_PLATE = VEHICLE_COLUMNS + " WHERE plate_norm = ? AND plate_country IN (%s)";
    private static final String VEHICLES_BY_VIN = VEHICLE_COLUMNS + " WHERE vin = ?";

    private final Pool pool;
    private final UnreadableCodes unreadable;

    /** A connector that reads restriction lists without counting what it cannot read (tooling, tests). */
    public AimcConnector(Pool pool) {
        this(pool, UnreadableCodes.UNCOUNTED);
    }

    public AimcConnector(Pool pool, UnreadableCodes unreadable) {
        this.pool = pool;
        this.unreadable = unreadable;
    }

    @Override
    public Set<QueryKind> kinds() {
        return Set.of(QueryKind.PERSON, QueryKind.DOCUMENT, QueryKind.VEHICLE);
    }

    // ------------------------------------------------------------------ persons

    @Override
    public Uni<List<PersonRecord>> findPersonCandidates(String searchName, Integer birthYear, int limit) {
        NameKeys.Search keys = NameKeys.forSearch(searchName);
        Tuple args = Tuple.tuple();
        String sql = keyRowsStatement(keys, searchName, birthYear, args);
        return pool.preparedQuery(sql).execute(args)
                .map(rows -> rank(rows, searchName, birthYear, limit))
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<PersonRecord>of()) : persons(ids));
    }

    /** Statement 1: the key rows, as a UNION ALL of bounded ranges (see the class comment). */
    static String keyRowsStatement(NameKeys.Search keys, String searchName, Integer birthYear, Tuple args) {
        List<String> branches = new ArrayList<>();
        range(branches, args, 1, "f", "", keys.full());
        for (String pair : keys.pairs()) {
            range(branches, args, 2, "p", "", pair);
        }
        for (String token : keys.tokens()) {
            range(branches, args, 3, "t", "", token);
        }
        if (birthYear != null) {
            List<String> near = new ArrayList<>();
            near.add(keys.full());
            near.addAll(Arrays.asList(keys.pairs()));
            for (int i = 0; i < near.size(); i++) {
                String key = near.get(i);
                if (key == null || key.isEmpty()) {
                    continue;
                }
                String kind = i == 0 ? "f" : "p";
                int w = i == 0 ? 1 : 2;
                args.addInteger(birthYear - 1).addInteger(birthYear).addInteger(birthYear + 1);
                range(branches, args, w, kind, " AND born IN (?, ?, ?)", key);
                range(branches, args, w, kind, " AND born IS NULL", key);
            }
            for (String part : keys.parts()) {
                for (int year = birthYear - 1; year <= birthYear + 1; year++) {
                    partBornNear(branches, args, part, year, searchName);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (String part : searchName.split(" ")) {
            if (part.length() >= 3) {
                parts.add(part);
            }
        }
        if (parts.isEmpty() && !searchName.isBlank()) {
            parts.add(searchName.trim());
        }
        if (!parts.isEmpty()) {
            StringBuilder raw = new StringBuilder("SELECT record_ref, `key`, born, 5 AS w FROM frontline_name_key"
                    + " WHERE key_kind = 'r' AND (");
            for (int i = 0; i < parts.size(); i++) {
                raw.append(i == 0 ? "" : " OR ").append("`key` LIKE ?");
                args.addString("%" + likeEscaped(parts.get(i)) + "%");
            }
            raw.append(") LIMIT ?");
            args.addInteger(SqlSupport.CANDIDATES_PER_KEY);
            branches.add(raw.toString());
        }
        StringBuilder sql = new StringBuilder();
        for (String branch : branches) {
            sql.append(sql.length() == 0 ? "" : " UNION ALL ").append('(').append(branch).append(')');
        }
        return sql.toString();
    }

    /**
     * A part key of the question (variants included) among its holders born in {@code year}, as the PostgreSQL
     * statement reads them ({@link SqlSupport#PART_NEIGHBOURS} rows on either side of the question's own
     * normalised name in key order, the spellings most like it): the look-up that finds a person whose
     * other part is misspelt or romanised another way. Weighed as a part row.
     */
    private static void partBornNear(List<String> branches, Tuple args, String part, int year, String searchName) {
        if (part == null || part.isEmpty()) {
            return;
        }
        String from = part + NameKeys.SEPARATOR;
        String at = from + searchName;
        branches.add(PART_BORN_NEAR.formatted(">= ? AND `key` < ?", "`key`"));
        args.addInteger(year).addString(at).addString(part + '>').addInteger(SqlSupport.PART_NEIGHBOURS);
        branches.add(PART_BORN_NEAR.formatted(">= ? AND `key` < ?", "`key` DESC"));
        args.addInteger(year).addString(from).addString(at).addInteger(SqlSupport.PART_NEIGHBOURS);
    }

    private static void range(List<String> branches, Tuple args, int weight, String kind, String born, String key) {
        if (key == null || key.isEmpty()) {
            return;
        }
        branches.add(KEY_RANGE.formatted(weight, kind, born));
        args.addString(key + NameKeys.SEPARATOR).addString(key + '>').addInteger(SqlSupport.CANDIDATES_PER_KEY);
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The best {@code limit} record ids, best first, ranked as the PostgreSQL statement ranks them. */
    static List<Long> rank(Iterable<Row> rows, String searchName, Integer birthYear, int limit) {
        Map<Long, Map<String, Double>> weightByKey = new HashMap<>();
        Map<Long, Double> bestSim = new HashMap<>();
        Map<Long, Double> bestYear = new HashMap<>();
        for (Row row : rows) {
            long ref = row.getLong("record_ref");
            String key = row.getString("key");
            int branch = row.getInteger("w");
            Integer born = row.getInteger("born");
            double sim;
            double w;
            if (branch == 5) {
                sim = Trigrams.similarity(key, searchName);
                if (sim < RAW_THRESHOLD) {
                    continue;
                }
                w = 0.5 * sim;
            } else {
                int eq = key.indexOf(NameKeys.SEPARATOR);
                String name = eq < 0 ? key : key.substring(eq + 1);
                sim = Trigrams.similarity(name, searchName);
                w = (branch == 1 ? FULL_W : branch == 2 ? PAIR_W : PART_W) + (name.equals(searchName) ? TYPED_W : 0);
            }
            weightByKey.computeIfAbsent(ref, r -> new HashMap<>()).merge(key, w, Math::max);
            bestSim.merge(ref, sim, Math::max);
            bestYear.merge(ref, yearWeight(born, birthYear), Math::max);
        }
        Map<Long, Double> score = new HashMap<>();
        weightByKey.forEach((ref, byKey) -> score.put(ref, bestSim.get(ref)
                + byKey.values().stream().mapToDouble(Double::doubleValue).sum() + bestYear.get(ref)));
        return score.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    private static double yearWeight(Integer born, Integer asked) {
        if (asked == null) {
            return 0;
        }
        if (born == null) {
            return YEAR_UNKNOWN;
        }
        return born.equals(asked) ? YEAR_EXACT : Math.abs(born - asked) == 1 ? YEAR_NEAR : 0;
    }

    /** Statements 2 and 3: the records, best first, then how common their names are. */
    private Uni<List<PersonRecord>> persons(List<Long> ids) {
        Tuple args = Tuple.tuple();
        ids.forEach(args::addLong);
        return pool.preparedQuery(PERSONS.formatted(placeholders(ids.size()))).execute(args)
                .flatMap(rows -> {
                    Map<Long, Row> byId = new HashMap<>();
                    Set<String> frequencyKeys = new LinkedHashSet<>();
                    for (Row row : rows) {
                        byId.put(row.getLong("person_id"), row);
                        for (String full : fullKeys(row)) {
                            frequencyKeys.add(NameKeys.FULL + ":" + full);
                            for (String part : full.split(" ")) {
                                if (!part.isEmpty()) {
                                    frequencyKeys.add(NameKeys.TOKEN + ":" + part);
                                }
                            }
                        }
                    }
                    return frequencies(frequencyKeys).map(counts -> {
                        List<PersonRecord> out = new ArrayList<>(ids.size());
                        for (Long id : ids) {
                            Row row = byId.get(id);
                            if (row != null) {
                                out.add(person(row, counts));
                            }
                        }
                        return out;
                    });
                });
    }

    /** The full keys (before '=') of a record's names, as our tooling wrote them; none for a clerk's record. */
    private static List<String> fullKeys(Row row) {
        List<String> out = new ArrayList<>();
        for (String key : SqlSupport.strings(SqlSupport.jsonArray(row, "full_keys"))) {
            int eq = key.indexOf(NameKeys.SEPARATOR);
            out.add(eq < 0 ? key : key.substring(0, eq));
        }
        return out;
    }

    /** The holders of each "f:key" and "t:key" asked, and the population under "*:" (absent when the table is empty). */
    private Uni<Map<String, Long>> frequencies(Set<String> kindKeys) {
        Tuple args = Tuple.tuple();
        StringBuilder sql = new StringBuilder("SELECT key_kind, `key`, holders FROM frontline_name_frequency"
                + " WHERE (key_kind = '*' AND `key` = '')");
        for (String kindKey : kindKeys) {
            sql.append(" OR (key_kind = ? AND `key` = ?)");
            args.addString(kindKey.substring(0, 1)).addString(kindKey.substring(2));
        }
        return pool.preparedQuery(sql.toString()).execute(args).map(rows -> {
            Map<String, Long> counts = new HashMap<>();
            for (Row row : rows) {
                counts.put(row.getString("key_kind") + ":" + row.getString("key"), row.getLong("holders"));
            }
            return counts;
        });
    }

    private PersonRecord person(Row row, Map<String, Long> counts) {
        String given = row.getString("given_latin");
        String family = row.getString("family_latin");
        String arabic = row.getString("name_ar");
        String latin = AimcVocabulary.latinName(given, family);
        List<String> aliases = new ArrayList<>();
        if (arabic != null && !arabic.isBlank() && !latin.isEmpty()) {
            aliases.add(arabic);
        }
        for (Object alias : SqlSupport.jsonArray(row, "aliases")) {
            if (alias instanceof JsonArray pair) {
                for (int i = 0; i < pair.size(); i++) {
                    String name = pair.getString(i);
                    if (name != null && !name.isBlank()) {
                        aliases.add(name);
                    }
                }
            }
        }
        // the Latin transliteration is what the common model displays; a record with only the Arabic shows that
        String fullName = latin.isEmpty() ? arabic : latin;
        List<Alert> alerts = SqlSupport.objects(SqlSupport.jsonArray(row, "bulletins")).stream().map(this::bulletin).toList();
        return new PersonRecord(String.valueOf(row.getLong("person_id")), latin.isEmpty() ? null : given,
                latin.isEmpty() ? null : family, fullName, aliases,
                AimcVocabulary.dateOfBirth(row.getString("birth_date"), row.getString("birth_calendar")),
                AimcVocabulary.sex(row.getString("sex")), AimcVocabulary.country(row.getString("nationality")), alerts,
                nameStatistics(fullKeys(row), fullName, counts));
    }

    /**
     * As {@link SqlSupport#nameStatistics} reads the PostgreSQL columns: the holders of the displayed
     * name's full key (else the most held of the record's full keys), of each part; a key the table
     * lacks counts 1; a record without keys of ours, the population alone; no population, null.
     */
    static NameStatistics nameStatistics(List<String> fullKeys, String fullName, Map<String, Long> counts) {
        Long population = counts.get("*:");
        if (population == null) {
            return null;
        }
        if (fullKeys.isEmpty()) {
            return new NameStatistics(population, 0, Map.of());
        }
        Map<String, Long> parts = new HashMap<>();
        long mostHeld = 0;
        for (String full : fullKeys) {
            mostHeld = Math.max(mostHeld, counts.getOrDefault(NameKeys.FULL + ":" + full, 1L));
            for (String part : full.split(" ")) {
                if (!part.isEmpty()) {
                    parts.put(part, counts.getOrDefault(NameKeys.TOKEN + ":" + part, 1L));
                }
            }
        }
        String displayed = NameKeys.fullKey(fullName);
        long holders = fullKeys.contains(displayed) ? counts.getOrDefault(NameKeys.FULL + ":" + displayed, 1L) : mostHeld;
        return new NameStatistics(population, holders, parts);
    }

    private Alert bulletin(JsonObject b) {
        String issuer = AimcVocabulary.country(b.getString("issuer"));
        VisibleTo visible = AimcVocabulary.distribution(b.getString("distribution"), sharedList(b.getValue("shared")), issuer);
        Object secrecy = b.getValue("secrecy");
        HandlingRestrictions restrictions = new HandlingRestrictions(unreadable.countries(visible, issuer), Set.of(),
                AimcVocabulary.SECRECY.valueOr(secrecy == null ? null : secrecy.toString(), SqlSupport.UNKNOWN_CLEARANCE),
                null, AimcVocabulary.ON_RESTRICTED.valueOr(b.getString("onRestricted"), WhenRestricted.HIDE));
        return new Alert(b.getString("no"),
                AimcVocabulary.BULLETIN_TYPE.valueOr(b.getString("type"), AlertCategory.DANGEROUS_PERSON),
                AimcVocabulary.MEASURE.valueOr(b.getString("measure"), ActionToTake.REPORT),
                AimcVocabulary.hazards(b.getString("hazards")), SqlSupport.date(b, "issued"), restrictions,
                b.getString("contact"));
    }

    /** shared_with as JSON (an array, or its text): null when NULL; a value that is no array of strings reads as one unreadable entry. */
    static List<String> sharedList(Object value) {
        if (value == null) {
            return null;
        }
        try {
            JsonArray array = value instanceof JsonArray a ? a : new JsonArray(value.toString());
            List<String> out = new ArrayList<>(array.size());
            for (Object o : array) {
                out.add(o instanceof String s ? s : null);
            }
            return out;
        } catch (RuntimeException notAnArray) {
            return Collections.singletonList(null);
        }
    }

    // ------------------------------------------------------------------ documents and vehicles

    @Override
    public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
        List<String> forms = forms(AimcVocabulary.COUNTRY.queryForms(query.issuingCountry()));
        Tuple args = Tuple.tuple().addString(SqlSupport.normalisedIdentifierValue(query.number()));
        forms.forEach(args::addString);
        return select(DOCUMENTS.formatted(placeholders(forms.size())), args, this::document);
    }

    private DocumentRecord document(Row row) {
        AlertCategory state = AimcVocabulary.DOCUMENT_STATE.valueOr(row.getString("document_state"),
                AlertCategory.REVOKED_DOCUMENT);
        String id = String.valueOf(row.getLong("document_id"));
        Alert alert = new Alert("AIMC-D-" + id, state, AimcVocabulary.documentAction(state), List.of(),
                row.getLocalDate("state_date"), restrictions(row), row.getString("contact"));
        Long holder = row.getLong("person_id");
        return new DocumentRecord(id, row.getString("document_no"), AimcVocabulary.country(row.getString("issuing_country")),
                AimcVocabulary.DOCUMENT_KIND.valueOr(row.getString("document_kind"), DocumentType.RESIDENCE_PERMIT),
                holder == null ? null : String.valueOf(holder), List.of(alert));
    }

    @Override
    public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
        Uni<List<VehicleRecord>> byPlate;
        if (query.hasPlate()) {
            List<String> forms = forms(AimcVocabulary.COUNTRY.queryForms(query.registrationCountry()));
            Tuple args = Tuple.tuple().addString(SqlSupport.normalisedIdentifierValue(query.plate()));
            forms.forEach(args::addString);
            byPlate = select(VEHICLES_BY_PLATE.formatted(placeholders(forms.size())), args, this::vehicle);
        } else {
            byPlate = Uni.createFrom().item(List.of());
        }
        Uni<List<VehicleRecord>> byVin = query.hasVin()
                ? select(VEHICLES_BY_VIN, Tuple.of(query.vin()), this::vehicle)
                : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(byPlate, byVin).with(SqlSupport::distinctVehicles);
    }

    private VehicleRecord vehicle(Row row) {
        String id = String.valueOf(row.getLong("vehicle_id"));
        AlertCategory state = AimcVocabulary.VEHICLE_STATE.valueOr(row.getString("vehicle_state"), AlertCategory.WANTED_VEHICLE);
        Alert alert = new Alert("AIMC-V-" + id, state, AimcVocabulary.vehicleAction(state), List.of(),
                row.getLocalDate("state_date"), restrictions(row), row.getString("contact"));
        return new VehicleRecord(id, row.getString("plate_no"), AimcVocabulary.country(row.getString("plate_country")),
                row.getString("vin"), row.getString("make"), List.of(alert));
    }

    /** A document's or vehicle's distribution: who may see it, hidden when restricted. */
    private HandlingRestrictions restrictions(Row row) {
        String issuer = AimcVocabulary.country(row.getString("issuing_state"));
        VisibleTo visible = AimcVocabulary.distribution(row.getString("distribution"),
                sharedList(row.getValue("shared_with")), issuer);
        Set<String> countries = unreadable.countries(visible, issuer);
        return countries.isEmpty() ? HandlingRestrictions.NONE
                : new HandlingRestrictions(countries, Set.of(), org.frontline.model.Clearance.UNCLASSIFIED, null, WhenRestricted.HIDE);
    }

    /** The source is always asked, even for a country it has no code for: a placeholder that matches nothing. */
    private static List<String> forms(List<String> forms) {
        return forms.isEmpty() ? List.of("") : forms;
    }

    private <T> Uni<List<T>> select(String sql, Tuple args, Function<Row, T> mapper) {
        return SqlSupport.select(pool, sql, args, mapper);
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    @Override
    public Uni<Void> ping() {
        return pool.query("SELECT 1").execute().replaceWithVoid();
    }
}
