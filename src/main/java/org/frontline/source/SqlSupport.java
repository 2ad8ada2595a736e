package org.frontline.source;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import org.frontline.match.NameKeys;
import org.frontline.model.NameStatistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Small helpers the connectors share to read rows and aggregated JSON into the common model. */
public final class SqlSupport {

    /** Candidates each key of a person search may bring, before ranking: bounds the work for a common name. */
    public static final int CANDIDATES_PER_KEY = 2000;

    /**
     * The same bound when the officer gave a year of birth: the holders born within a year of it and
     * those of unknown year are read by their own index ranges ({@link #bornNear}) and rank above every
     * holder born another year, who only fill the list when those are fewer than asked; reading 2,000
     * of them, arbitrary by spelling, cost most of the statement at a million persons (issue #18).
     */
    public static final int CANDIDATES_PER_KEY_WITH_YEAR = 200;

    /**
     * The first part of every schema's person search, over our name keys beside the source
     * (db/sources/&lt;schema&gt;/V3__name_keys.sql, {@link NameKeys}): a CTE {@code best(<idColumn>, sim)}
     * with at most {@code $2} record ids, best first, for the parameters of {@link #personSearch}.
     *
     * <p>Candidates come from, in one statement: B-tree range scans on the query's full key (the
     * same parts, in any script, romanisation or order), its pair keys (two parts agree) and its rare
     * part keys, at most {@code $5} rows per key, each row carrying the normalised name it was made
     * from, so it is ranked without visiting its record; trigram similarity on the normalised names,
     * only when the keys found fewer than {@code $2} records and no year was given or a part's key has one
     * letter (a typo that no key catches; skipped when keys found enough, which is when a trigram scan would walk huge posting lists); and always
     * trigram similarity on the raw names of records whose keys our tooling did not write (a clerk's
     * insert or update, see the migration). A record's rank: the best trigram similarity of its
     * names to the query, as before, plus small weights for the keys it matched (full 0.5, each pair
     * 0.1, each part 0.02, the very name typed 0.05; a raw-name hit half its similarity), so that a name that agrees part for
     * part in another script or romanisation ranks above one that merely looks alike.
     *
     * <p>When the officer gave a year of birth ({@code $7}), the same full and pair keys are read a
     * second time among the holders born within a year of it (three index ranges on {@code born},
     * db/sources/common/V8__name_key_birth_year_index.sql) and among those whose year the source does
     * not know (a fourth), so that at a million persons the person born when the officer says is
     * among the candidates however many namesakes spell the name closer to the query (issue #18). Each
     * part key of the query ({@code $8}, common parts too) is read the same way among the holders born
     * within a year of it (db/sources/common/V9__name_part_birth_year_index.sql): a typo or an
     * unfolded spelling in one part breaks every full and pair key that part is in, and the other part
     * with the year still finds the person among a few hundred holders (at 1,000,000 persons per
     * source, name + date of birth: 0.87 of the true records among the 25 candidates without it, 0.94
     * with it; a typo in the name 0.74 to 0.90). With a year the other branches read at most
     * {@link #CANDIDATES_PER_KEY_WITH_YEAR} rows per key, and a rare part key ({@code $4}) is read at all
     * only when the source's frequency table says it has no more holders than that bound. A
     * record then ranks by its name as above plus 1.5 when born that year, 0.8 one year either side, 0.4
     * when its year is unknown, nothing when born another year ({@link #YEAR_EXACT_W}); the same for records found by trigram, from the
     * {@code born} of their rows. Without a year, the ranking is the name alone.
     *
     * <p>With a year, the trigram scan over every normalised name of the source runs only when a part
     * of the name has a key of one letter (Wahyu: h, Eko: k, Hui: h), which the born-near look-up of
     * the parts cannot read, so that a typo in the other part leaves the keys nothing. Otherwise it
     * runs for a name alone only. At 1,000,000 persons per source it cost 10 ms of a 13 ms statement
     * for a name nobody holds (the common question at a border, where most travellers are known
     * nowhere), and with a year it found little the bounded look-ups above did not (CandidateRecall,
     * 100 questions a type, 1M: name + date of birth, native script, swapped order, year only, day and
     * month swapped unchanged; a typo 0.920 to 0.908 when it never ran with a year). Through the
     * answer at 10k the one-letter parts mattered: 6 of 150 typo questions (Wahyu uSsanto, Eko
     * Syahoutra, Zao Hui) lost the person without it.
     *
     * @param idColumn the person table's key, as the name keys' {@code record_ref} holds it
     */
    public static String personCandidates(String idColumn) {
        return """
                WITH keyed AS (
                    SELECT record_ref, 0.5::float8 AS w, key, 0::float8 AS y FROM (SELECT record_ref, key FROM frontline_name_key
                     WHERE key_kind = 'f' AND key >= $6 || '=' AND key < $6 || '>' LIMIT $5) f
                    UNION ALL
                    SELECT k.record_ref, 0.1, k.key, 0 FROM unnest($3::text[]) q(key),
                           LATERAL (SELECT record_ref, key FROM frontline_name_key
                                     WHERE key_kind = 'p' AND key >= q.key || '=' AND key < q.key || '>' LIMIT $5) k
                    UNION ALL
                    SELECT k.record_ref, 0.02, k.key, 0 FROM unnest($4::text[]) q(key),
                           LATERAL (SELECT record_ref, key FROM frontline_name_key
                                     WHERE key_kind = 't' AND key >= q.key || '=' AND key < q.key || '>' LIMIT $5) k
                     WHERE coalesce((SELECT holders FROM frontline_name_frequency h
                                      WHERE h.key_kind = 't' AND h.key = q.key), 0) <= $5
%3$s                ), hits AS (
                    SELECT record_ref, key, w + CASE WHEN substr(key, strpos(key, '=') + 1) = $1 THEN 0.05 ELSE 0 END AS w,
                           similarity(substr(key, strpos(key, '=') + 1), $1) AS sim, y FROM keyed
                    UNION ALL
                    (SELECT record_ref, key, 0.0, similarity(key, $1), %2$s FROM frontline_name_key
                      WHERE key_kind = 'n' AND key %% $1
                        AND ($7::int IS NULL OR EXISTS (SELECT 1 FROM unnest(string_to_array($6, ' ')) p(k) WHERE length(p.k) < 2))
                        AND (SELECT count(DISTINCT record_ref) FROM keyed) < $2 LIMIT $5)
                    UNION ALL
                    (SELECT record_ref, key, 0.5 * similarity(key, $1), similarity(key, $1), %2$s FROM frontline_name_key
                      WHERE key_kind = 'r' AND key %% $1 LIMIT $5)
                ), per_key AS (
                    SELECT record_ref, max(w) AS w, max(sim) AS sim, max(y) AS y FROM hits GROUP BY record_ref, key
                ), best AS (
                    SELECT record_ref AS %1$s, max(sim) + sum(w) + max(y) AS sim FROM per_key
                     GROUP BY record_ref ORDER BY sim DESC LIMIT $2
                )
                """.formatted(idColumn, YEAR_OF_ROW, BORN_NEAR);
    }

    /**
     * The branches of {@link #personCandidates}' {@code keyed} that read the full key ({@code $6}) and
     * the pair keys ({@code $3}) among holders born in the year asked or one either side (weight
     * 0.4) and among those of unknown year (0.2), each an index range of frontline_name_key_born: the
     * kind a literal, so that the partial index applies.
     */
    /**
     * The rank a candidate gains when the officer gave a year of birth: born that year, one year
     * either side, or in a year the source does not know. Above any difference of name similarity
     * (at most 1 plus the key weights), so that among the holders of the query's keys those born
     * when the officer says come first, then those of unknown year, then the rest. Measured at
     * 1,000,000 persons per source (org.frontline.source.CandidateRecall, name + date of birth, 249
     * true records): 0.4 / 0.4 / 0.2 found 0.803 among the 25 candidates, 1.0 / 0.6 / 0.3 0.851,
     * these 0.867, and 3.0 / 1.5 / 0.5 no more; 0.928 are among the first 500.
     */
    static final String YEAR_EXACT_W = "1.5";
    static final String YEAR_NEAR_W = "0.8";
    static final String YEAR_UNKNOWN_W = "0.4";
    private static final String SAME_YEAR = "CASE WHEN b.born = $7::int THEN " + YEAR_EXACT_W + " ELSE " + YEAR_NEAR_W + " END";
    private static final String UNKNOWN_YEAR = YEAR_UNKNOWN_W;

    /** Rows read on each side of the query's name, per part key and year, by {@link #PARTS_BORN_NEAR}. */
    public static final int PART_NEIGHBOURS = 100;

    /**
     * The part keys of the query ({@code $8}, variants included) among the holders born within a year of
     * the year asked. A common part has hundreds of such holders at a million persons; the index holds
     * them ordered by the normalised name after the key, so the rows read are the nearest to the
     * query's own normalised name on either side ({@link #PART_NEIGHBOURS} each), the spellings most like
     * it, not the first of the alphabet. The year weighs as much as for the whole name's holders: a
     * lower weight for a holder found by one part only (0.6 / 0.3, 0.35 / 0.2 tried at 1,000,000 persons)
     * lost more true records than it saved, name + date of birth 0.964 to 0.928 and 0.924.
     */
    private static final String PARTS_BORN_NEAR = """
                UNION ALL
                SELECT k.record_ref, 0.02, k.key, %1$s FROM unnest($8::text[]) q(key),
                       unnest(ARRAY[$7::int - 1, $7::int, $7::int + 1]) b(born),
                       LATERAL ((SELECT record_ref, key FROM frontline_name_key
                                  WHERE key_kind = 't' AND born = b.born AND key >= q.key || '=' || $1 AND key < q.key || '>'
                                  ORDER BY born, key LIMIT %2$d)
                                UNION ALL
                                (SELECT record_ref, key FROM frontline_name_key
                                  WHERE key_kind = 't' AND born = b.born AND key >= q.key || '=' AND key < q.key || '=' || $1
                                  ORDER BY born DESC, key DESC LIMIT %2$d)) k
                 WHERE $7::int IS NOT NULL
            """.formatted(SAME_YEAR, PART_NEIGHBOURS).indent(4);

    private static final String BORN_NEAR = bornNear("0.5", "'f'", "$6", "", "born = b.born", SAME_YEAR, true)
            + bornNear("0.1", "'p'", "q.key", "unnest($3::text[]) q(key), ", "born = b.born", SAME_YEAR, true)
            + PARTS_BORN_NEAR
            + bornNear("0.5", "'f'", "$6", "", "born IS NULL", UNKNOWN_YEAR, false)
            + bornNear("0.1", "'p'", "q.key", "unnest($3::text[]) q(key), ", "born IS NULL", UNKNOWN_YEAR, false);

    private static String bornNear(String weight, String kind, String key, String from, String born, String bonus,
                                   boolean years) {
        return """
                    UNION ALL
                    SELECT k.record_ref, %1$s, k.key, %6$s FROM %4$s%7$s
                           LATERAL (SELECT record_ref, key FROM frontline_name_key
                                     WHERE key_kind = %2$s AND %5$s AND key >= %3$s || '=' AND key < %3$s || '>' LIMIT $5) k
                     WHERE $7::int IS NOT NULL
                """.formatted(weight, kind, key, from, born, bonus,
                years ? "unnest(ARRAY[$7::int - 1, $7::int, $7::int + 1]) b(born), " : "").indent(16);
    }

    /** The year-of-birth weight of a name-key row read with its {@code born} (the trigram branches). */
    private static final String YEAR_OF_ROW = "CASE WHEN $7::int IS NULL THEN 0 WHEN born IS NULL THEN " + YEAR_UNKNOWN_W
            + " WHEN born = $7::int THEN " + YEAR_EXACT_W + " WHEN abs(born - $7::int) = 1 THEN " + YEAR_NEAR_W + " ELSE 0 END";

    /**
     * Select-list columns of every schema's person search that say how common each candidate's name
     * is in the source ({@code frontline_name_frequency}, db/sources/common/V4__name_frequencies.sql),
     * read by {@link #nameStatistics}: {@code name_population}, the persons the source holds (one
     * look-up per statement), and {@code name_holders}, a JSON object of the holders of each of the
     * record's full keys ({@code "f:<key>"}) and part keys ({@code "t:<key>"}), from the record's own
     * f rows: an index range on {@code record_ref} and a primary-key look-up per key (a scalar
     * sub-select, so that the plan cannot turn it into a scan of the table), for the candidates only.
     * A key the table lacks counts 1, the record itself. Null for a record without f rows (one a
     * clerk wrote: raw-name keys only).
     *
     * @param recordRef the candidate's id column, qualified (for example {@code s.subject_id})
     */
    public static String nameFrequencyColumns(String recordRef) {
        return """
                (SELECT holders FROM frontline_name_frequency WHERE key_kind = '*' AND key = '') AS name_population,
                (SELECT json_object_agg(k.kind || ':' || k.key, coalesce((SELECT q.holders FROM frontline_name_frequency q
                                                                            WHERE q.key_kind = k.kind AND q.key = k.key), 1))
                   FROM (SELECT DISTINCT x.kind, x.key FROM frontline_name_key r
                          CROSS JOIN LATERAL (SELECT 'f'::char(1) AS kind, split_part(r.key, '=', 1) AS key
                                              UNION ALL
                                              SELECT 't'::char(1), unnest(string_to_array(split_part(r.key, '=', 1), ' '))) x
                          WHERE r.record_ref = %1$s AND r.key_kind = 'f') k) AS name_holders
                """.formatted(recordRef);
    }

    /**
     * How common a candidate's name is, from the columns of {@link #nameFrequencyColumns}: the
     * holders of the full key of its name as displayed ({@code fullName}; should that name have no
     * key of its own, the most held of the record's full keys, the weaker evidence) and of every part
     * key of its names and aliases. When the database does not know the record's keys (a record
     * written by the source's own clerk, found by its raw name), only the population: no holders
     * (0) and no parts, so that the evidence still weighs one person among the source's real number.
     * Null when the source has no frequency table at all.
     */
    public static NameStatistics nameStatistics(Row row, String fullName) {
        Long population = row.getLong("name_population");
        Object holders = row.getValue("name_holders");
        if (population == null) {
            return null;
        }
        if (holders == null) {
            return new NameStatistics(population, 0, Map.of());
        }
        JsonObject counts = holders instanceof JsonObject o ? o : new JsonObject(holders.toString());
        String full = NameKeys.FULL + ":" + NameKeys.fullKey(fullName);
        Long fullHolders = counts.getLong(full);
        Map<String, Long> parts = new HashMap<>();
        long mostHeldFull = 0;
        for (String key : counts.fieldNames()) {
            long n = counts.getLong(key);
            if (key.startsWith(NameKeys.TOKEN + ":")) {
                parts.put(key.substring(2), n);
            } else if (key.startsWith(NameKeys.FULL + ":")) {
                mostHeldFull = Math.max(mostHeldFull, n);
            }
        }
        return new NameStatistics(population, fullHolders != null ? fullHolders : mostHeldFull, parts);
    }

    /** The parameters of {@link #personCandidates}: the search key and the keys computed from it. */
    public static io.vertx.mutiny.sqlclient.Tuple personSearch(String searchKey, Integer birthYear, int limit) {
        NameKeys.Search keys = NameKeys.forSearch(searchKey);
        return io.vertx.mutiny.sqlclient.Tuple.tuple()
                .addString(searchKey)
                .addInteger(limit)
                .addArrayOfString(keys.pairs())
                .addArrayOfString(keys.tokens())
                .addInteger(birthYear == null ? CANDIDATES_PER_KEY : CANDIDATES_PER_KEY_WITH_YEAR)
                .addString(keys.full())
                .addInteger(birthYear)
                .addArrayOfString(keys.parts());
    }

    /** The parameters of {@link #personCandidates} for a name alone. */
    public static io.vertx.mutiny.sqlclient.Tuple personSearch(String searchKey, int limit) {
        return personSearch(searchKey, null, limit);
    }

    /** The SQL expression every schema's plate index uses, applied to a column. */
    public static String normalisedPlate(String column) {
        return normalisedIdentifier(column);
    }

    /**
     * The SQL expression of a normalised identifier (plate, document number): letters and digits
     * only, upper case. Every schema indexes its plates and document numbers by it (V1, V4), and
     * {@link #normalisedIdentifier(String)} is the same on the query side, so a number stored as
     * {@code p4471902-x} is found by {@code P4471902X}.
     */
    public static String normalisedIdentifier(String column) {
        return "upper(regexp_replace(" + column + ", '[^A-Za-z0-9]', '', 'g'))";
    }

    /** The query side of {@link #normalisedIdentifier(String) the SQL expression}: letters and digits only, upper case. */
    public static String normalisedIdentifierValue(String value) {
        return value == null ? null : value.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The elements of a JSON array; null when the array itself is null (an SQL NULL list, which differs from an empty one). */
    public static List<String> stringsOrNull(JsonArray array) {
        return array == null ? null : strings(array);
    }

    /** A TEXT[] or CHAR(n)[] column as a list; null for SQL NULL. */
    public static List<String> listOrNull(String[] values) {
        return values == null ? null : Arrays.asList(values);
    }

    /**
     * The minimum clearance of a record whose clearance code the source holds but we do not know: the
     * highest, so that the record still answers but is never shown to an officer who may not see it.
     */
    public static final org.frontline.model.Clearance UNKNOWN_CLEARANCE = org.frontline.model.Clearance.SECRET;

    private SqlSupport() {
    }

    public static JsonArray jsonArray(Row row, String column) {
        Object value = row.getValue(column);
        if (value == null) {
            return new JsonArray();
        }
        if (value instanceof JsonArray array) {
            return array;
        }
        return new JsonArray(value.toString());
    }

    public static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            result.add(array.getJsonObject(i));
        }
        return result;
    }

    public static List<String> strings(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            result.add(array.getString(i));
        }
        return result;
    }

    public static LocalDate date(JsonObject object, String field) {
        String text = object.getString(field);
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }

    /** Splits a delimited text column ("armed;violent") into trimmed, non-empty parts. */
    public static List<String> split(String text, String delimiterRegex) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(delimiterRegex))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Runs a prepared statement and maps every row. */
    public static <T> io.smallrye.mutiny.Uni<List<T>> select(io.vertx.mutiny.sqlclient.Pool pool, String sql,
                                                            io.vertx.mutiny.sqlclient.Tuple arguments,
                                                            Function<Row, T> mapper) {
        return pool.preparedQuery(sql)
                .execute(arguments)
                .map(rows -> {
                    List<T> result = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        result.add(mapper.apply(row));
                    }
                    return result;
                });
    }

    /**
     * The document look-up every schema shares in shape: {@code $1} the issuing country in every form
     * the source might hold it ({@link CountryForm#queryForms}), {@code $2} the normalised number,
     * compared with the stored number normalised the same way ({@link #normalisedIdentifier}). The
     * source is always asked, even when its form has no code for the country (an empty list): an
     * answer without asking would be an OK that nobody gave.
     */
    public static <T> io.smallrye.mutiny.Uni<List<T>> documents(io.vertx.mutiny.sqlclient.Pool pool, String sql,
                                                               List<String> sourceCountries, String number,
                                                               Function<Row, T> mapper) {
        return select(pool, sql, io.vertx.mutiny.sqlclient.Tuple.of(sourceCountries.toArray(new String[0]),
                normalisedIdentifierValue(number)), mapper);
    }

    /**
     * The vehicle look-up every schema shares in shape: by plate and registration country (in every
     * form the source might hold it, as {@link #documents}), by VIN, or both in parallel, each record once.
     */
    public static io.smallrye.mutiny.Uni<List<org.frontline.model.VehicleRecord>> vehicles(
            io.vertx.mutiny.sqlclient.Pool pool, org.frontline.model.VehicleQuery query, List<String> sourceCountries,
            String byPlateSql, String byVinSql, Function<Row, org.frontline.model.VehicleRecord> mapper) {
        io.smallrye.mutiny.Uni<List<org.frontline.model.VehicleRecord>> byPlate = query.hasPlate()
                ? select(pool, byPlateSql, io.vertx.mutiny.sqlclient.Tuple.of(sourceCountries.toArray(new String[0]),
                        normalisedIdentifierValue(query.plate())), mapper)
                : io.smallrye.mutiny.Uni.createFrom().item(List.of());
        io.smallrye.mutiny.Uni<List<org.frontline.model.VehicleRecord>> byVin = query.hasVin()
                ? select(pool, byVinSql, io.vertx.mutiny.sqlclient.Tuple.of(query.vin()), mapper)
                : io.smallrye.mutiny.Uni.createFrom().item(List.of());
        return io.smallrye.mutiny.Uni.combine().all().unis(byPlate, byVin).with(SqlSupport::distinctVehicles);
    }

    /** Records found by plate and by VIN, each once. */
    public static List<org.frontline.model.VehicleRecord> distinctVehicles(List<org.frontline.model.VehicleRecord> byPlate,
                                                                          List<org.frontline.model.VehicleRecord> byVin) {
        java.util.Map<String, org.frontline.model.VehicleRecord> byId = new java.util.LinkedHashMap<>();
        byPlate.forEach(v -> byId.put(v.recordId(), v));
        byVin.forEach(v -> byId.putIfAbsent(v.recordId(), v));
        return List.copyOf(byId.values());
    }

    /** Joins non-blank parts with single spaces. */
    public static String joinNames(String... parts) {
        return Arrays.stream(parts)
                .filter(p -> p != null && !p.isBlank())
                .map(String::trim)
                .collect(Collectors.joining(" "));
    }
}
