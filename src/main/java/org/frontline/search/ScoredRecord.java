package org.frontline.search;

import org.frontline.model.SourceRecord;

import java.util.List;

/** A source's record with how well it matches the query, and why. */
public record ScoredRecord(String sourceId, SourceRecord record, double score, List<String> reasons) {

    public ScoredRecord {
        reasons = List.copyOf(reasons);
    }
}
