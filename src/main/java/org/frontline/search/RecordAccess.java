package org.frontline.search;

import java.util.List;

/**
 * What one officer may query and see. Applied to every source's records after the cache and before
 * consolidation, so nothing restricted from an officer reaches the answer, whoever asked before.
 */
public interface RecordAccess {

    /** Whether the officer may query this source at all. */
    boolean mayQuery(String sourceId);

    /** The records the officer may see, reduced or removed as the sources' restrictions say. */
    Filtered filter(List<ScoredRecord> records);

    /**
     * @param withheld how many records were removed entirely or shown without some of their alerts: the
     *                 answer is not complete, can no longer be a NO_HIT, and names the source's contact point
     */
    record Filtered(List<ScoredRecord> visible, int withheld) {
    }

    /** No restriction: for tooling and tests of the engine alone. */
    RecordAccess UNRESTRICTED = new RecordAccess() {
        @Override
        public boolean mayQuery(String sourceId) {
            return true;
        }

        @Override
        public Filtered filter(List<ScoredRecord> records) {
            return new Filtered(records, 0);
        }
    };
}
