package org.frontline.access;

/** What an officer's token says they are. A role decides what they may ask and see (see AccessConfig). */
public enum Role {
    OFFICER, BORDER_GUARD, AUDITOR, ADMIN
}
