package org.frontline.access;

import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.QueryKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Role profiles combine as documented: among the roles that may search, the most restrictive
 * (kinds and sources every one of them may use, categories any of them withholds, handling codes
 * only if all may see them); a role that cannot search, or has no profile, grants no search.
 * (The same grant filters /v1/sources, the fan-out and the records.)
 */
class AccessPolicyTest {

    private record Profile(List<String> sources, Optional<List<String>> kinds,
                           Optional<List<String>> withheldCategories, boolean handlingCodes)
            implements AccessConfig.Profile {
    }

    private static AccessPolicy policy(Map<String, AccessConfig.Profile> roles) {
        return new AccessPolicy(new AccessConfig() {
            @Override
            public Map<String, Profile> roles() {
                return roles;
            }
        });
    }

    private static Officer officer(Role... roles) {
        return new Officer("o-1", "BKA", "DEU", Set.of(roles), Clearance.RESTRICTED);
    }

    private final AccessPolicy policy = policy(Map.of(
            "officer", new Profile(List.of("interpol", "europol"), Optional.of(List.of("PERSON", "VEHICLE")),
                    Optional.of(List.of("INFORMATION")), true),
            "border_guard", new Profile(List.of("aseanapol"), Optional.of(List.of("DOCUMENT")),
                    Optional.of(List.of("DISCREET_CHECK", "INFORMATION")), false)));

    @Test
    void oneRoleGetsExactlyItsProfile() {
        AccessPolicy.Grant guard = policy.grantFor(officer(Role.BORDER_GUARD));
        assertTrue(guard.mayQuery("aseanapol"));
        assertFalse(guard.mayQuery("interpol"));
        assertEquals(Set.of(QueryKind.DOCUMENT), guard.kinds());
        assertEquals(Set.of(AlertCategory.DISCREET_CHECK, AlertCategory.INFORMATION), guard.withheldCategories());
        assertFalse(guard.handlingCodes());
    }

    @Test
    void severalSearchingRolesCombineAsTheMostRestrictive() {
        AccessPolicy.Grant both = policy(Map.of(
                "officer", new Profile(List.of("interpol", "europol"), Optional.of(List.of("PERSON", "DOCUMENT", "VEHICLE")),
                        Optional.of(List.of("INFORMATION")), true),
                "border_guard", new Profile(List.of("europol", "aseanapol"), Optional.of(List.of("PERSON", "DOCUMENT")),
                        Optional.of(List.of("DISCREET_CHECK")), false)))
                .grantFor(officer(Role.OFFICER, Role.BORDER_GUARD));
        // what both may use, everything either withholds, handling codes only if both may see them
        assertTrue(both.mayQuery("europol"));
        assertFalse(both.mayQuery("interpol") || both.mayQuery("aseanapol"));
        assertEquals(Set.of(QueryKind.PERSON, QueryKind.DOCUMENT), both.kinds());
        assertEquals(Set.of(AlertCategory.INFORMATION, AlertCategory.DISCREET_CHECK), both.withheldCategories());
        assertFalse(both.handlingCodes());
        // listing is the union
        assertTrue(both.mayList("interpol") && both.mayList("aseanapol"));
    }

    /** The shipped profiles (application.properties). */
    private static final AccessPolicy SHIPPED = policy(Map.of(
            "officer", new Profile(List.of("*"), Optional.of(List.of("PERSON", "DOCUMENT", "VEHICLE")), Optional.empty(), true),
            "border_guard", new Profile(List.of("*"), Optional.of(List.of("PERSON", "DOCUMENT")),
                    Optional.of(List.of("DISCREET_CHECK", "SPECIFIC_CHECK", "INFORMATION")), false),
            "auditor", new Profile(List.of("*"), Optional.empty(), Optional.empty(), true),
            "admin", new Profile(List.of("*"), Optional.empty(), Optional.empty(), true)));

    private static final Set<AlertCategory> BORDER_GUARD_WITHHELD =
            Set.of(AlertCategory.DISCREET_CHECK, AlertCategory.SPECIFIC_CHECK, AlertCategory.INFORMATION);

    /**
     * Every combination of the four shipped roles (singles, pairs, triples, all four): a border guard
     * among them makes it a border guard whatever else it holds (until #14, BORDER_GUARD + ADMIN or +
     * AUDITOR saw the intelligence categories a border guard may not); otherwise an officer is an
     * officer; roles that cannot search grant no search.
     */
    @Test
    void everyCombinationOfTheShippedRoles() {
        Role[] all = Role.values();
        for (int mask = 1; mask < 1 << all.length; mask++) {
            Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    roles.add(all[i]);
                }
            }
            AccessPolicy.Grant grant = SHIPPED.grantFor(officer(roles.toArray(Role[]::new)));
            String what = roles.toString();
            assertTrue(grant.mayList("gccpol"), what + " lists the sources");
            if (roles.contains(Role.BORDER_GUARD)) {
                assertEquals(Set.of(QueryKind.PERSON, QueryKind.DOCUMENT), grant.kinds(), what);
                assertEquals(BORDER_GUARD_WITHHELD, grant.withheldCategories(), what);
                assertFalse(grant.handlingCodes(), what);
                assertTrue(grant.mayQuery("gccpol"), what);
            } else if (roles.contains(Role.OFFICER)) {
                assertEquals(Set.of(QueryKind.PERSON, QueryKind.DOCUMENT, QueryKind.VEHICLE), grant.kinds(), what);
                assertEquals(Set.of(), grant.withheldCategories(), what);
                assertTrue(grant.handlingCodes(), what);
                assertTrue(grant.mayQuery("gccpol"), what);
            } else {
                assertEquals(Set.of(), grant.kinds(), what + " may not search");
                assertFalse(grant.mayQuery("gccpol"), what + " queries no source");
            }
        }
    }

    @Test
    void aRoleWithoutAProfileGrantsNothing() {
        AccessPolicy.Grant auditor = policy.grantFor(officer(Role.AUDITOR));
        assertFalse(auditor.mayQuery("interpol"));
        assertTrue(auditor.kinds().isEmpty());
        assertFalse(auditor.maySearch(QueryKind.PERSON));
    }

    @Test
    void aStarMeansEverySource() {
        AccessPolicy.Grant grant = policy(Map.of("officer", new Profile(List.of("*"), Optional.of(List.of("PERSON")),
                Optional.empty(), true))).grantFor(officer(Role.OFFICER));
        assertTrue(grant.mayQuery("anything"));
        AccessPolicy.Grant admin = policy(Map.of("admin", new Profile(List.of("*"), Optional.empty(), Optional.empty(), true)))
                .grantFor(officer(Role.ADMIN));
        assertTrue(admin.mayList("anything"));
        assertFalse(admin.mayQuery("anything"), "a role that cannot search queries nothing");
        assertTrue(admin.kinds().isEmpty());
    }
}
