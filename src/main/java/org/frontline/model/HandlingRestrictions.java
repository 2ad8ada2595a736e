package org.frontline.model;

import java.util.Set;

/**
 * A source's handling restrictions on one alert or record.
 *
 * @param countries       ISO alpha-3 codes of the countries whose officers may see it; empty: all;
 *                        {@link #NOBODY}: no officer at all (a list the source holds that we could not read)
 * @param agencies        agency codes that may see it; empty: all
 * @param minimumClearance the clearance an officer needs
 * @param handlingCode    the source's own handling code (Europol H0..H3), passed through unchanged; may be null
 * @param whenRestricted  what to show an officer who may not see it
 */
public record HandlingRestrictions(Set<String> countries, Set<String> agencies, Clearance minimumClearance,
                                   String handlingCode, WhenRestricted whenRestricted) {

    /**
     * The entry of {@code countries} that matches no officer's country: what a restriction list we
     * could not read is reduced to when its owner is unknown (fail closed; no country code has 6 letters).
     */
    public static final String NOBODY = "NOBODY";

    public static final HandlingRestrictions NONE =
            new HandlingRestrictions(Set.of(), Set.of(), Clearance.UNCLASSIFIED, null, WhenRestricted.HIDE);

    public HandlingRestrictions {
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        agencies = agencies == null ? Set.of() : Set.copyOf(agencies);
        minimumClearance = minimumClearance == null ? Clearance.UNCLASSIFIED : minimumClearance;
        whenRestricted = whenRestricted == null ? WhenRestricted.HIDE : whenRestricted;
    }

    public boolean isUnrestricted() {
        return countries.isEmpty() && agencies.isEmpty() && minimumClearance == Clearance.UNCLASSIFIED;
    }
}
