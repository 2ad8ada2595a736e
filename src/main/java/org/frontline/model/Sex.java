package org.frontline.model;

public enum Sex {
    MALE, FEMALE, UNKNOWN
}
