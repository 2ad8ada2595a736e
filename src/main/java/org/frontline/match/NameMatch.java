package org.frontline.match;

import java.util.List;

/** A match score in [0, 1] and the reasons behind it, for the answer's "why it matched". */
public record NameMatch(double score, List<String> reasons) {

    public NameMatch {
        reasons = List.copyOf(reasons);
    }
}
