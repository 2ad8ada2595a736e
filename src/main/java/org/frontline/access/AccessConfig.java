package org.frontline.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Role profiles, as the European Search Portal's user profiles: per role, which sources and query
 * kinds it may use and which data categories come back. Keys: {@code frontline.access.roles.<role>.*}
 * with the role in lower case (officer, border_guard...). The rate limit is {@link RateLimitConfig}.
 */
@ConfigMapping(prefix = "frontline.access")
public interface AccessConfig {

    /** Profiles by role name (lower case). A role without a profile may not search. */
    Map<String, Profile> roles();

    interface Profile {
        /** Source ids this role may query; "*" for every source. */
        @WithDefault("*")
        List<String> sources();

        /** Query kinds this role may ask: PERSON, DOCUMENT, VEHICLE; empty: none. */
        Optional<List<String>> kinds();

        /**
         * Alert categories this role never receives (intelligence-only data, e.g. DISCREET_CHECK for
         * a border guard): such alerts are withheld exactly as a source's restriction would withhold them.
         */
        @WithName("withheld-categories")
        Optional<List<String>> withheldCategories();

        /** Whether this role sees the sources' handling codes (Europol H0..H3). */
        @WithName("handling-codes")
        @WithDefault("true")
        boolean handlingCodes();
    }
}
