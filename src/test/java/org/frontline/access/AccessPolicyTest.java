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
 * Role profiles combine as documented: sources and kinds are the union of an officer's roles,
 * withheld categories the intersection; a role without a profile grants nothing. (The same grant
 * filters /v1/sources, the fan-out and the records.)
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
    void severalRolesUniteWhatTheyMayDoAndIntersectWhatTheyWithhold() {
        AccessPolicy.Grant both = policy.grantFor(officer(Role.OFFICER, Role.BORDER_GUARD));
        assertTrue(both.mayQuery("interpol") && both.mayQuery("europol") && both.mayQuery("aseanapol"));
        assertFalse(both.mayQuery("gccpol"));
        assertEquals(Set.of(QueryKind.PERSON, QueryKind.VEHICLE, QueryKind.DOCUMENT), both.kinds());
        assertEquals(Set.of(AlertCategory.INFORMATION), both.withheldCategories());
        assertTrue(both.handlingCodes());
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
        AccessPolicy.Grant grant = policy(Map.of("admin", new Profile(List.of("*"), Optional.empty(), Optional.empty(), true)))
                .grantFor(officer(Role.ADMIN));
        assertTrue(grant.mayQuery("anything"));
        assertTrue(grant.kinds().isEmpty());
    }
}
