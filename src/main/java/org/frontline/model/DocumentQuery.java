package org.frontline.model;

/**
 * A travel-document query, normalised: number upper case without spaces or fillers, issuing country
 * ISO alpha-3 (ICAO codes accepted and mapped).
 *
 * @param type or null for any type
 */
public record DocumentQuery(String number, String issuingCountry, DocumentType type) implements SubjectQuery {

    @Override
    public QueryKind kind() {
        return QueryKind.DOCUMENT;
    }
}
