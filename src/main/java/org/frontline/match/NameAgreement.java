package org.frontline.match;

import java.util.List;

/**
 * How a typed name agrees with a record's names, before any other evidence: the name side of
 * {@link PersonEvidence}.
 *
 * @param score          0..1, the best alignment over the record's full name, given + family names and aliases
 * @param reasons        what paired with what, readable by an officer, strongest first
 * @param givenNameMet   false when the record says which part is its given name (a first name, or
 *                       the first link of an Arabic chain: given, father, grandfather) and no part of
 *                       the query paired with it: "Mohammed Al-Rashid" is not "Hasan Hamza Mohammed
 *                       Al-Rashid", however well the other parts agree
 * @param agreeingParts  the part keys ({@code NameKeys} token keys) of the record parts that paired at
 *                       transliteration strength or better: what the term-frequency look-up weighs
 * @param fullyPaired    every non-particle part of the record's aligned name paired with a query part, and
 *                       that name is the record's full name or an alias with as many parts: what lets the
 *                       term-frequency side count the holders of the full name
 * @param queryParts     non-particle parts of the query
 */
public record NameAgreement(double score, List<String> reasons, boolean givenNameMet, List<String> agreeingParts,
                            boolean fullyPaired, int queryParts) {

    public NameAgreement {
        reasons = List.copyOf(reasons);
        agreeingParts = List.copyOf(agreeingParts);
    }
}
