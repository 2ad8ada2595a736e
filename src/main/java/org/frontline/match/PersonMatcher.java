package org.frontline.match;

import org.frontline.model.PersonQuery;
import org.frontline.model.PersonRecord;

/**
 * Scores how well a source's person record matches an officer's person query, with the reasons a
 * person can read. Implementations are pure and thread-safe.
 */
public interface PersonMatcher {

    /** Score in [0, 1] with reasons. */
    NameMatch score(PersonQuery query, PersonRecord candidate);

    /**
     * The form of a typed name that the sources' trigram indexes are searched with: Latin script,
     * lower case, no diacritics or punctuation.
     */
    String searchKey(String name);
}
