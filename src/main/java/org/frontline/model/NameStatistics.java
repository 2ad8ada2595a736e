package org.frontline.model;

import java.util.Map;

/**
 * How common a person record's name is in its own source: the term-frequency side of the person
 * answer. A name that many of the source's persons carry (Li Wei, Mohammed Ali) is weak evidence
 * that the record is the person asked about; a rare one is strong. The connector reads it beside
 * the candidates from the source's frequency table of name keys.
 *
 * @param population      persons the source holds
 * @param fullNameHolders persons of the source whose order-free full-name key is this record's
 *                        ({@code NameKeys.fullKey} of its full name); at least 1, the record itself
 * @param partHolders     per part key of the record's names, aliases included ({@code NameKeys.partKeys}:
 *                        the part's consonant key, one-letter parts too), persons of the source
 *                        carrying that part in any of their names
 */
public record NameStatistics(long population, long fullNameHolders, Map<String, Long> partHolders) {

    public NameStatistics {
        partHolders = partHolders == null ? Map.of() : Map.copyOf(partHolders);
    }
}
