package org.frontline.model;

/**
 * The one-word answer. The safety rule: NO_HIT only when every source the officer may query
 * answered OK; a source that did not answer can never turn into a "no hit".
 */
public enum Outcome {
    HIT, POSSIBLE_MATCH, NO_HIT, INCOMPLETE
}
