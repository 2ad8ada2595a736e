package org.frontline.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The embedded demo: how much synthetic data it seeds into each source. */
@ConfigMapping(prefix = "frontline.demo")
public interface DemoConfig {

    /** Synthetic persons per source (documents and vehicles follow). */
    @WithDefault("10000")
    int persons();

    /** The generator's seed: the same seed gives the same data. */
    @WithDefault("42")
    long seed();

    /** Whether POST /demo/token issues demo officer tokens; true in the demo (and test) profile only. */
    @io.smallrye.config.WithName("token-endpoint")
    @WithDefault("false")
    boolean tokenEndpoint();
}
