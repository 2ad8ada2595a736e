package org.frontline.search;

import org.frontline.model.SourceRecord;

import java.util.List;

/**
 * A source's record with how well it matches the query, and why.
 *
 * @param restrictedContact non-null when the source restricted the record from this officer and
 *                          asks for "possible hit - contact ...": the record then carries no data
 *                          and this is the contact point to call
 */
public record ScoredRecord(String sourceId, SourceRecord record, double score, List<String> reasons,
                           String restrictedContact) {

    public ScoredRecord {
        reasons = List.copyOf(reasons);
    }

    public ScoredRecord(String sourceId, SourceRecord record, double score, List<String> reasons) {
        this(sourceId, record, score, reasons, null);
    }

    public boolean restricted() {
        return restrictedContact != null;
    }
}
