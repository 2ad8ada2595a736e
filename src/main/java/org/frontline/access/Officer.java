package org.frontline.access;

import org.frontline.model.Clearance;

import java.util.Set;

/**
 * The officer behind a request, from their token.
 *
 * @param country ISO alpha-3 of the officer's country (records restricted to countries are matched against it)
 */
public record Officer(String officerId, String agency, String country, Set<Role> roles, Clearance clearance) {

    public Officer {
        roles = Set.copyOf(roles);
    }

    /** The role written to the audit log: the one that granted the search. */
    public String rolesText() {
        return roles.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }
}
