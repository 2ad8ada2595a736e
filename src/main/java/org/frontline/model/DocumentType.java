package org.frontline.model;

public enum DocumentType {
    PASSPORT, ID_CARD, VISA, RESIDENCE_PERMIT, TRAVEL_DOCUMENT
}
