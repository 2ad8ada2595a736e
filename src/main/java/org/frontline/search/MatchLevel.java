package org.frontline.search;

/** How sure the match of one subject is. */
public enum MatchLevel {
    HIT, POSSIBLE_MATCH
}
