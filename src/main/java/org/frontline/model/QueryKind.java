package org.frontline.model;

/** What an officer asks about. */
public enum QueryKind {
    PERSON, DOCUMENT, VEHICLE
}
