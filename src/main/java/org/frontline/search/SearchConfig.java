package org.frontline.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.frontline.match.MatchThresholds;

import java.time.Duration;

/** The federated search: its latency budget and its match thresholds. */
@ConfigMapping(prefix = "frontline.search")
public interface SearchConfig {

    /** Deadline of a request that asks for none. */
    @WithName("default-deadline")
    @WithDefault("1500ms")
    Duration defaultDeadline();

    /** The longest deadline a caller may ask for; longer requests are cut to it. */
    @WithName("max-deadline")
    @WithDefault("5s")
    Duration maxDeadline();

    /**
     * The shortest deadline a caller may ask for; a request asking for less is refused (400). A
     * deadline shorter than a healthy source's answer would only buy an INCOMPLETE answer: the floor
     * leaves every source the time of a few database round trips across a region, or a new connection.
     */
    @WithDefault(MIN_DEADLINE_MS + "ms")
    Duration minDeadline();

    /** The default floor, in milliseconds (the contract states it too). */
    String MIN_DEADLINE_MS = "200";

    /** A person match at or above this score is a HIT. */
    @WithName("hit-threshold")
    @WithDefault(MatchThresholds.HIT_TEXT)
    double hitThreshold();

    /** A person match at or above this score (and below the hit threshold) is a POSSIBLE_MATCH. */
    @WithName("possible-threshold")
    @WithDefault(MatchThresholds.POSSIBLE_MATCH_TEXT)
    double possibleThreshold();

    /** Candidates each source returns for a person query, before scoring. */
    @WithName("max-candidates")
    @WithDefault("25")
    int maxCandidates();

    /** Two records from different sources are one subject when their names match at least this well. */
    @WithName("merge-threshold")
    @WithDefault(MatchThresholds.HIT_TEXT)
    double mergeThreshold();
}
