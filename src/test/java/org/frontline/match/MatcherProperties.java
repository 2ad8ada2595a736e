package org.frontline.match;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class MatcherProperties {

    private final PersonNameMatcher matcher = PersonNameMatcher.create();

    @Property(tries = 300)
    void scoresStayWithinBoundsAndAreSymmetric(@ForAll @AlphaChars @StringLength(max = 20) String a,
                                               @ForAll @AlphaChars @StringLength(max = 20) String b) {
        double ab = matcher.nameSimilarity(a, b);
        double ba = matcher.nameSimilarity(b, a);
        if (!(ab >= 0.0 && ab <= 1.0)) {
            throw new AssertionError("out of bounds: " + ab);
        }
        if (Math.abs(ab - ba) > 1e-9) {
            throw new AssertionError("asymmetric: " + ab + " vs " + ba);
        }
    }

    @Property(tries = 300)
    void identicalNamesScoreOne(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String given,
                                @ForAll @AlphaChars @StringLength(min = 1, max = 12) String family) {
        String name = given + " " + family;
        double s = matcher.nameSimilarity(name, name);
        if (!NameNormaliser.parts(name).isEmpty() && s < 0.999) {
            throw new AssertionError(name + " scored " + s);
        }
    }
}
