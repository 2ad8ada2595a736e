package org.frontline.model;

import java.util.List;

/**
 * A travel document a source holds (SLTD-like: stolen, lost or revoked documents).
 *
 * @param holderRecordId the source's person record of the holder, or null
 */
public record DocumentRecord(String recordId, String number, String issuingCountry, DocumentType type,
                             String holderRecordId, List<Alert> alerts) implements SourceRecord {

    public DocumentRecord {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    @Override
    public QueryKind kind() {
        return QueryKind.DOCUMENT;
    }
}
