package org.frontline.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.frontline.model.AlertCategory;
import org.frontline.model.QueryKind;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an officer's roles into what they may do: the union of their roles' profiles for sources
 * and kinds, and the intersection for withheld data (a category is withheld only when every role
 * of the officer withholds it).
 */
@ApplicationScoped
public class AccessPolicy {

    private final AccessConfig config;

    AccessPolicy(AccessConfig config) {
        this.config = config;
    }

    /** What one officer may do. */
    public record Grant(boolean allSources, Set<String> sources, Set<QueryKind> kinds,
                        Set<AlertCategory> withheldCategories, boolean handlingCodes) {

        public boolean mayQuery(String sourceId) {
            return allSources || sources.contains(sourceId);
        }

        public boolean maySearch(QueryKind kind) {
            return kinds.contains(kind);
        }
    }

    public Grant grantFor(Officer officer) {
        boolean all = false;
        Set<String> sources = new HashSet<>();
        Set<QueryKind> kinds = EnumSet.noneOf(QueryKind.class);
        Set<AlertCategory> withheld = null;
        boolean handling = false;
        for (Role role : officer.roles()) {
            AccessConfig.Profile profile = config.roles().get(role.name().toLowerCase(Locale.ROOT));
            if (profile == null) {
                continue;
            }
            for (String source : profile.sources()) {
                if ("*".equals(source.trim())) {
                    all = true;
                } else {
                    sources.add(source.trim());
                }
            }
            profile.kinds().ifPresent(k -> k.forEach(kind -> kinds.add(QueryKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)))));
            Set<AlertCategory> roleWithheld = EnumSet.noneOf(AlertCategory.class);
            profile.withheldCategories().ifPresent(c -> c.forEach(cat ->
                    roleWithheld.add(AlertCategory.valueOf(cat.trim().toUpperCase(Locale.ROOT)))));
            if (withheld == null) {
                withheld = roleWithheld;
            } else {
                withheld.retainAll(roleWithheld);
            }
            handling |= profile.handlingCodes();
        }
        return new Grant(all, Set.copyOf(sources), kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds),
                withheld == null || withheld.isEmpty() ? Set.of() : EnumSet.copyOf(withheld), handling);
    }
}
