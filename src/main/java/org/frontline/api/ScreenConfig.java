package org.frontline.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Screening a flight manifest ({@code frontline.screen.*}; see {@link Screening}). */
@ConfigMapping(prefix = "frontline.screen")
public interface ScreenConfig {

    /** Travellers one manifest may carry; more is 413. */
    @WithDefault("1000")
    int maxTravellers();

    /** Travellers of one manifest screened at once. */
    @WithDefault("4")
    int concurrency();

    /**
     * Travellers of all manifests screened at once in this instance (the manifests' lane): each asks
     * two questions, so this bounds the manifests' calls to any one source at twice this number, below
     * a source's pool ({@code frontline.sources.<id>.pool-size}, 8), leaving the rest to single searches.
     */
    @WithDefault("3")
    int laneSize();

    /**
     * The manifests' lane while any single search is being answered in this instance: manifests yield
     * to the frontline, and take {@link #laneSize} again the moment no single search is in flight. At
     * least 1 (a manifest always moves), at most {@link #laneSize}.
     */
    @WithDefault("1")
    int laneSizeWhileFrontlineBusy();
}
