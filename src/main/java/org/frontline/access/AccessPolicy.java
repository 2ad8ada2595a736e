package org.frontline.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.frontline.model.AlertCategory;
import org.frontline.model.QueryKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an officer's roles into what they may do.
 *
 * <p><b>Several roles combine as the most restrictive of the roles that may search.</b> A token
 * carries every role its holder has, but it is used for one consultation at one terminal: a border
 * guard's token that also says ADMIN or AUDITOR is still used at the border, and no second role may
 * widen what the first one narrows. So:
 * <ul>
 *   <li>A role <em>may search</em> when it has a profile that names at least one query kind.
 *   A role that cannot search (AUDITOR, ADMIN) contributes nothing to search rights.</li>
 *   <li>Among the searching roles, everything combines towards less: the kinds and sources are
 *   those that <em>every</em> searching role may use (intersection), the withheld categories those
 *   that <em>any</em> of them withholds (union), and handling codes are shown only if every one of
 *   them may see them. Nothing is shown, and nothing may be asked, that one searching role of the
 *   token would not show or ask alone: OFFICER + BORDER_GUARD is a border guard.</li>
 *   <li>Listing the sources ({@code /v1/sources}, metadata and health, no records) is the union of
 *   every role's sources, searching or not, as before.</li>
 * </ul>
 * A token without a searching role may not search at all.
 */
@ApplicationScoped
public class AccessPolicy {

    private final AccessConfig config;

    AccessPolicy(AccessConfig config) {
        this.config = config;
    }

    /**
     * What one officer may do.
     *
     * @param allSources  may query every source
     * @param sources     the sources it may query otherwise
     * @param allListed   may list every source in /v1/sources
     * @param listed      the sources it may list otherwise
     */
    public record Grant(boolean allSources, Set<String> sources, Set<QueryKind> kinds,
                        Set<AlertCategory> withheldCategories, boolean handlingCodes,
                        boolean allListed, Set<String> listed) {

        public boolean mayQuery(String sourceId) {
            return allSources || sources.contains(sourceId);
        }

        public boolean maySearch(QueryKind kind) {
            return kinds.contains(kind);
        }

        /** Whether /v1/sources names this source (what it holds, its contact point, its health). */
        public boolean mayList(String sourceId) {
            return allListed || listed.contains(sourceId) || mayQuery(sourceId);
        }
    }

    private record RoleProfile(boolean allSources, Set<String> sources, Set<QueryKind> kinds,
                               Set<AlertCategory> withheld, boolean handlingCodes) {
    }

    public Grant grantFor(Officer officer) {
        boolean allListed = false;
        Set<String> listed = new HashSet<>();
        List<RoleProfile> searching = new ArrayList<>();
        for (Role role : officer.roles()) {
            AccessConfig.Profile profile = config.roles().get(role.name().toLowerCase(Locale.ROOT));
            if (profile == null) {
                continue;
            }
            RoleProfile p = read(profile);
            allListed |= p.allSources();
            listed.addAll(p.sources());
            if (!p.kinds().isEmpty()) {
                searching.add(p);
            }
        }
        if (searching.isEmpty()) {
            return new Grant(false, Set.of(), Set.of(), Set.of(), false, allListed, Set.copyOf(listed));
        }
        boolean allSources = searching.stream().allMatch(RoleProfile::allSources);
        Set<String> sources = null;
        for (RoleProfile p : searching) {
            if (!p.allSources()) {
                if (sources == null) {
                    sources = new HashSet<>(p.sources());
                } else {
                    sources.retainAll(p.sources());
                }
            }
        }
        Set<QueryKind> kinds = EnumSet.allOf(QueryKind.class);
        Set<AlertCategory> withheld = EnumSet.noneOf(AlertCategory.class);
        boolean handling = true;
        for (RoleProfile p : searching) {
            kinds.retainAll(p.kinds());
            withheld.addAll(p.withheld());
            handling &= p.handlingCodes();
        }
        return new Grant(allSources, sources == null ? Set.of() : Set.copyOf(sources),
                kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds),
                withheld.isEmpty() ? Set.of() : EnumSet.copyOf(withheld), handling, allListed, Set.copyOf(listed));
    }

    private static RoleProfile read(AccessConfig.Profile profile) {
        boolean all = false;
        Set<String> sources = new HashSet<>();
        for (String source : profile.sources()) {
            if ("*".equals(source.trim())) {
                all = true;
            } else {
                sources.add(source.trim());
            }
        }
        Set<QueryKind> kinds = EnumSet.noneOf(QueryKind.class);
        profile.kinds().ifPresent(k -> k.forEach(kind -> kinds.add(QueryKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)))));
        Set<AlertCategory> withheld = EnumSet.noneOf(AlertCategory.class);
        profile.withheldCategories().ifPresent(c -> c.forEach(cat ->
                withheld.add(AlertCategory.valueOf(cat.trim().toUpperCase(Locale.ROOT)))));
        return new RoleProfile(all, Set.copyOf(sources), kinds, withheld, profile.handlingCodes());
    }
}
