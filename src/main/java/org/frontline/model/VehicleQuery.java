package org.frontline.model;

/**
 * A vehicle query: a plate with its registration country, or a VIN, or both. Plate normalised to
 * upper case letters and digits only; VIN upper case.
 */
public record VehicleQuery(String plate, String registrationCountry, String vin) implements SubjectQuery {

    @Override
    public QueryKind kind() {
        return QueryKind.VEHICLE;
    }

    public boolean hasPlate() {
        return plate != null;
    }

    public boolean hasVin() {
        return vin != null;
    }
}
