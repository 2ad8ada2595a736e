package org.frontline.model;

/** One question an officer asks: about a person, a travel document or a vehicle. */
public sealed interface SubjectQuery permits PersonQuery, DocumentQuery, VehicleQuery {

    QueryKind kind();
}
