package org.frontline.model;

/** What a source asks us to do with an alert an officer may not see. */
public enum WhenRestricted {
    /** Remove it from the answer. */
    HIDE,
    /** Keep only "possible hit - contact the contact point", without the record's data. */
    CONTACT_ONLY
}
