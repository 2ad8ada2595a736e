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

    /**
     * A person record whose evidence is corroborated (name and date of birth agree, nothing
     * contradicts) is a HIT when the probability that it is the person reaches this.
     */
    @WithName("hit-threshold")
    @WithDefault(MatchThresholds.HIT_PROBABILITY_TEXT)
    double hitThreshold();

    /** A person record whose name agrees is reported (as a POSSIBLE_MATCH at least) from this probability on. */
    @WithName("possible-threshold")
    @WithDefault(MatchThresholds.POSSIBLE_PROBABILITY_TEXT)
    double possibleThreshold();

    /** Subjects an answer lists, best first; the answer counts the rest. */
    @WithName("max-subjects")
    @WithDefault("10")
    int maxSubjects();

    /** Candidates each source returns for a person query, before scoring. */
    @WithName("max-candidates")
    @WithDefault("25")
    int maxCandidates();

    /**
     * Two records from different sources are one subject when the evidence between them alone (name
     * and date of birth, nothing contradicting) makes them one person with at least this probability.
     */
    @WithName("merge-threshold")
    @WithDefault(MatchThresholds.MERGE_PROBABILITY_TEXT)
    double mergeThreshold();
}
