package org.frontline.model;

/** The common vocabulary every source's own alert types are mapped into. */
public enum AlertCategory {
    WANTED_FOR_ARREST,
    TRAVEL_BAN,
    MISSING_PERSON,
    DISCREET_CHECK,
    SPECIFIC_CHECK,
    DANGEROUS_PERSON,
    INFORMATION,
    STOLEN_DOCUMENT,
    LOST_DOCUMENT,
    REVOKED_DOCUMENT,
    STOLEN_VEHICLE,
    WANTED_VEHICLE
}
