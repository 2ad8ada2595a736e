package org.frontline.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The cache of verified officer tokens ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "frontline.access.verified-tokens")
public interface VerifiedTokensConfig {

    /** Whether a token, once verified, is remembered for its remaining lifetime. */
    @WithDefault("true")
    boolean enabled();

    /** Most tokens remembered at once (least recently used go first; a forgotten one is verified again). */
    @WithDefault("10000")
    long maximum();
}
