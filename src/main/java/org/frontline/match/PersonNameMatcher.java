package org.frontline.match;

import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;

/**
 * Scores how likely a source's person record is the person an officer asks about, across
 * scripts, transliterations, name order, missing parts and typos. Implementations are thread-safe
 * and deterministic, and never log names.
 */
public interface PersonNameMatcher {

    /** The score (best over the record's full name, given + family names, and aliases) with its reasons. */
    MatchResult score(PersonQuery query, PersonRecord candidate);

    /** How the typed name agrees with the record's names, and nothing else. */
    NameAgreement compareNames(String name, PersonRecord candidate);

    /** Name-only similarity of two whole names, 0..1, symmetric. */
    double nameSimilarity(String a, String b);

    /**
     * The form of a typed name that the sources' trigram indexes are searched with: Latin script,
     * lower case, no diacritics or punctuation, particles kept (the sources store them).
     */
    default String searchKey(String name) {
        return NameNormaliser.normalise(name).toLowerCase(java.util.Locale.ROOT);
    }

    /** The shipped matcher. */
    static PersonNameMatcher create() {
        return new DefaultPersonNameMatcher(ScoringParameters.DEFAULTS);
    }
}
