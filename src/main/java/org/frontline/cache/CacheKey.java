package org.frontline.cache;

import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.SourceRecord;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;

/**
 * What one source was asked: the source, the kind of query and the query as the connector receives
 * it, normalised. Everything that changes the source's answer is in the key, nothing else: a
 * document's type is filtered by the engine afterwards, so it is not; neither is anything about the
 * officer (answers are cached before the need-to-know filter).
 *
 * <p>{@link #toString()} leaves the query out: it is personal data and must not reach a log.
 */
public record CacheKey<T extends SourceRecord>(String source, QueryKind kind, Class<T> type, String query) {

    private static final char SEP = '\u001f';

    /**
     * A person look-up: the matcher's search key, the year of birth that orders the candidates (or
     * none) and the number of candidates asked for: each changes which candidates come back.
     */
    public static CacheKey<PersonRecord> persons(String source, String searchKey, Integer birthYear, int limit) {
        return new CacheKey<>(source, QueryKind.PERSON, PersonRecord.class,
                limit + String.valueOf(SEP) + (birthYear == null ? "" : birthYear) + SEP + searchKey);
    }

    /** A document look-up: issuing country and number (the type is filtered later). */
    public static CacheKey<DocumentRecord> documents(String source, DocumentQuery query) {
        return new CacheKey<>(source, QueryKind.DOCUMENT, DocumentRecord.class,
                query.issuingCountry() + SEP + query.number());
    }

    /** A vehicle look-up: registration country, plate and VIN, any of which may be absent. */
    public static CacheKey<VehicleRecord> vehicles(String source, VehicleQuery query) {
        return new CacheKey<>(source, QueryKind.VEHICLE, VehicleRecord.class,
                orEmpty(query.registrationCountry()) + SEP + orEmpty(query.plate()) + SEP + orEmpty(query.vin()));
    }

    /** The key of this query under one generation of its source and kind. */
    String at(long generation) {
        return source + SEP + kind + SEP + generation + SEP + query;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "CacheKey[" + source + ", " + kind + "]";
    }
}
