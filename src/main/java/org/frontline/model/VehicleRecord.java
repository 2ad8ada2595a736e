package org.frontline.model;

import java.util.List;

/** A vehicle a source holds (stolen or wanted). Plate and country, or VIN, or both. */
public record VehicleRecord(String recordId, String plate, String registrationCountry, String vin,
                            String description, List<Alert> alerts) implements SourceRecord {

    public VehicleRecord {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    @Override
    public QueryKind kind() {
        return QueryKind.VEHICLE;
    }
}
