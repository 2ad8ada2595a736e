package org.frontline.model;

import java.util.List;

/** A record as a source holds it, mapped into the common model. */
public sealed interface SourceRecord permits PersonRecord, DocumentRecord, VehicleRecord {

    /** The source's own identifier of the record. */
    String recordId();

    List<Alert> alerts();

    QueryKind kind();
}
