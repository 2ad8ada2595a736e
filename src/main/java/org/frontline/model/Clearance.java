package org.frontline.model;

/** Security clearance of an officer, and the minimum clearance a record demands. Ordered. */
public enum Clearance {
    UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET;

    public boolean atLeast(Clearance required) {
        return compareTo(required) >= 0;
    }
}
