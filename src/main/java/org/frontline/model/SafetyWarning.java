package org.frontline.model;

/** Officer-safety warnings. They always come first in an answer. */
public enum SafetyWarning {
    ARMED, VIOLENT, ESCAPE_RISK, SELF_HARM, CONTAGIOUS
}
