package org.frontline.source;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import org.frontline.match.NameKeys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Small helpers the connectors share to read rows and aggregated JSON into the common model. */
public final class SqlSupport {

    /** Candidates each key of a person search may bring, before ranking: bounds the work for a common name. */
    public static final int CANDIDATES_PER_KEY = 2000;

    /**
     * The first part of every schema's person search, over our name keys beside the source
     * (db/sources/&lt;schema&gt;/V3__name_keys.sql, {@link NameKeys}): a CTE {@code best(<idColumn>, sim)}
     * with at most {@code $2} record ids, best first, for the parameters of {@link #personSearch}.
     *
     * <p>Candidates come from, in one statement: B-tree range scans on the query's full key (the
     * same parts, in any script, romanisation or order), its pair keys (two parts agree) and its rare
     * part keys, at most {@code $5} rows per key, each row carrying the normalised name it was made
     * from, so it is ranked without visiting its record; trigram similarity on the normalised names,
     * only when the keys found fewer than {@code $2} records (a typo that no key catches; skipped when
     * keys found enough, which is when a trigram scan would walk huge posting lists); and always
     * trigram similarity on the raw names of records whose keys our tooling did not write (a clerk's
     * insert or update, see the migration). A record's rank: the best trigram similarity of its
     * names to the query, as before, plus small weights for the keys it matched (full 0.5, each pair
     * 0.1, each part 0.02, the very name typed 0.05; a raw-name hit half its similarity), so that a name that agrees part for
     * part in another script or romanisation ranks above one that merely looks alike.
     */
    public static String personCandidates(String idColumn) {
        return """
                WITH keyed AS (
                    SELECT record_ref, 0.5::float8 AS w, key FROM (SELECT record_ref, key FROM frontline_name_key
                     WHERE key_kind = 'f' AND key >= $6 || '=' AND key < $6 || '>' LIMIT $5) f
                    UNION ALL
                    SELECT k.record_ref, 0.1, k.key FROM unnest($3::text[]) q(key),
                           LATERAL (SELECT record_ref, key FROM frontline_name_key
                                     WHERE key_kind = 'p' AND key >= q.key || '=' AND key < q.key || '>' LIMIT $5) k
                    UNION ALL
                    SELECT k.record_ref, 0.02, k.key FROM unnest($4::text[]) q(key),
                           LATERAL (SELECT record_ref, key FROM frontline_name_key
                                     WHERE key_kind = 't' AND key >= q.key || '=' AND key < q.key || '>' LIMIT $5) k
                ), hits AS (
                    SELECT record_ref, w + CASE WHEN substr(key, strpos(key, '=') + 1) = $1 THEN 0.05 ELSE 0 END AS w,
                           similarity(substr(key, strpos(key, '=') + 1), $1) AS sim FROM keyed
                    UNION ALL
                    (SELECT record_ref, 0.0, similarity(key, $1) FROM frontline_name_key
                      WHERE key_kind = 'n' AND key %% $1
                        AND (SELECT count(DISTINCT record_ref) FROM keyed) < $2 LIMIT $5)
                    UNION ALL
                    (SELECT record_ref, 0.5 * similarity(key, $1), similarity(key, $1) FROM frontline_name_key
                      WHERE key_kind = 'r' AND key %% $1 LIMIT $5)
                ), best AS (
                    SELECT record_ref AS %1$s, max(sim) + sum(w) AS sim FROM hits
                     GROUP BY record_ref ORDER BY sim DESC LIMIT $2
                )
                """.formatted(idColumn);
    }

    /** The parameters of {@link #personCandidates}: the search key and the keys computed from it. */
    public static io.vertx.mutiny.sqlclient.Tuple personSearch(String searchKey, int limit) {
        NameKeys.Search keys = NameKeys.forSearch(searchKey);
        return io.vertx.mutiny.sqlclient.Tuple.tuple()
                .addString(searchKey)
                .addInteger(limit)
                .addArrayOfString(keys.pairs())
                .addArrayOfString(keys.tokens())
                .addInteger(CANDIDATES_PER_KEY)
                .addString(keys.full());
    }

    /** The SQL expression every schema's plate index uses, applied to a column. */
    public static String normalisedPlate(String column) {
        return "upper(regexp_replace(" + column + ", '[^A-Za-z0-9]', '', 'g'))";
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
     * The document look-up every schema shares in shape: by issuing country, already in the source's
     * country form, and number. A null country is one the source cannot hold: no records.
     */
    public static <T> io.smallrye.mutiny.Uni<List<T>> documents(io.vertx.mutiny.sqlclient.Pool pool, String sql,
                                                               String sourceCountry, String number,
                                                               Function<Row, T> mapper) {
        return sourceCountry == null ? io.smallrye.mutiny.Uni.createFrom().item(List.of())
                : select(pool, sql, io.vertx.mutiny.sqlclient.Tuple.of(sourceCountry, number), mapper);
    }

    /**
     * The vehicle look-up every schema shares in shape: by plate and registration country (already in
     * the source's country form), by VIN, or both in parallel, each record once.
     */
    public static io.smallrye.mutiny.Uni<List<org.frontline.model.VehicleRecord>> vehicles(
            io.vertx.mutiny.sqlclient.Pool pool, org.frontline.model.VehicleQuery query, String sourceCountry,
            String byPlateSql, String byVinSql, Function<Row, org.frontline.model.VehicleRecord> mapper) {
        io.smallrye.mutiny.Uni<List<org.frontline.model.VehicleRecord>> byPlate = query.hasPlate() && sourceCountry != null
                ? select(pool, byPlateSql, io.vertx.mutiny.sqlclient.Tuple.of(sourceCountry, query.plate()), mapper)
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

    /** Restrictions that only name the countries whose officers may see a record; empty: everyone. */
    public static org.frontline.model.HandlingRestrictions visibleTo(Collection<String> alpha3) {
        return alpha3 == null || alpha3.isEmpty() ? org.frontline.model.HandlingRestrictions.NONE
                : new org.frontline.model.HandlingRestrictions(Set.copyOf(alpha3), Set.of(),
                        org.frontline.model.Clearance.UNCLASSIFIED, null, org.frontline.model.WhenRestricted.HIDE);
    }

    /** Joins non-blank parts with single spaces. */
    public static String joinNames(String... parts) {
        return Arrays.stream(parts)
                .filter(p -> p != null && !p.isBlank())
                .map(String::trim)
                .collect(Collectors.joining(" "));
    }
}
