package org.frontline.model;

/**
 * What the officer must do on a hit, most urgent first: the declaration order is the urgency
 * order, so the action of a consolidated answer is the minimum over its alerts.
 */
public enum ActionToTake {
    ARREST,
    PREVENT_TRAVEL,
    SEIZE,
    LOCATE,
    DISCREET_CHECK,
    /** A possible match: confirm identity with the contact point before acting on it. */
    VERIFY_IDENTITY,
    REPORT,
    NO_ACTION;

    public boolean moreUrgentThan(ActionToTake other) {
        return compareTo(other) < 0;
    }

    public static ActionToTake mostUrgent(ActionToTake a, ActionToTake b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
