package org.frontline.access;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.frontline.model.Clearance;
import org.frontline.model.Countries;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an officer from a verified token. The token carries: {@code sub} (or {@code upn}) the
 * officer id, {@code agency}, {@code country} (ISO alpha-3), {@code groups} the roles, and
 * {@code clearance}. A token missing any of them, or naming an unknown role, country or clearance,
 * identifies nobody.
 */
public final class OfficerTokens {

    public static final String AGENCY = "agency";
    public static final String COUNTRY = "country";
    public static final String CLEARANCE = "clearance";

    private OfficerTokens() {
    }

    /** Thrown for a verified token that does not describe an officer. */
    public static final class IncompleteToken extends RuntimeException {
        public IncompleteToken(String message) {
            super(message, null, false, false);
        }
    }

    public static Officer officer(JsonWebToken token) {
        if (token == null || token.getRawToken() == null) {
            throw new IncompleteToken("no officer token");
        }
        String id = token.getSubject() != null ? token.getSubject() : token.getName();
        String agency = token.getClaim(AGENCY);
        String country = token.getClaim(COUNTRY);
        String clearance = token.getClaim(CLEARANCE);
        if (id == null || id.isBlank() || agency == null || agency.isBlank()) {
            throw new IncompleteToken("the token must name the officer (sub) and their agency");
        }
        if (country == null || !Countries.isKnown(country.toUpperCase(Locale.ROOT))) {
            throw new IncompleteToken("the token's country must be an ISO 3166-1 alpha-3 code");
        }
        Clearance level;
        try {
            level = Clearance.valueOf(clearance == null ? "" : clearance.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IncompleteToken("the token's clearance must be one of UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : token.getGroups()) {
            try {
                roles.add(Role.valueOf(group.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                // a group that is not one of our roles grants nothing
            }
        }
        return new Officer(id, agency, Countries.canonical(country.toUpperCase(Locale.ROOT)), roles, level);
    }
}
