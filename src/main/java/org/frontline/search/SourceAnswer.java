package org.frontline.search;

import org.frontline.model.SourceStatus;

import java.util.List;

/**
 * One source's answer to one query: its status, its latency and, when OK, its scored records.
 *
 * @param contactPoint the source's default contact point
 * @param withheld     records removed, or shown without some alerts, because the officer may not see them
 */
public record SourceAnswer(String sourceId, String organisation, String contactPoint, SourceStatus status,
                           long latencyMs, String detail, List<ScoredRecord> records, int withheld) {

    public SourceAnswer {
        records = records == null ? List.of() : List.copyOf(records);
    }

    public SourceAnswer(String sourceId, String organisation, String contactPoint, SourceStatus status,
                        long latencyMs, String detail, List<ScoredRecord> records) {
        this(sourceId, organisation, contactPoint, status, latencyMs, detail, records, 0);
    }
}
