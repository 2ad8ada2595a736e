package org.frontline.match.eval;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** English country names as the negatives file writes them, to ISO alpha-3; null when unknown. */
final class Countries {

    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale l = new Locale("", alpha2);
            BY_NAME.put(l.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), l.getISO3Country());
        }
        BY_NAME.put("hong kong", "HKG");
        BY_NAME.put("macau", "MAC");
        BY_NAME.put("macao", "MAC");
        BY_NAME.put("czech republic", "CZE");
        BY_NAME.put("ivory coast", "CIV");
        BY_NAME.put("democratic republic of the congo", "COD");
        BY_NAME.put("republic of the congo", "COG");
        BY_NAME.put("burma", "MMR");
        BY_NAME.put("east timor", "TLS");
        BY_NAME.put("palestine", "PSE");
        BY_NAME.put("united states", "USA");
        BY_NAME.put("united kingdom", "GBR");
        BY_NAME.put("vatican city", "VAT");
        BY_NAME.put("north macedonia", "MKD");
        BY_NAME.put("eswatini", "SWZ");
    }

    private Countries() {
    }

    static String byName(String name) {
        return name == null ? null : BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    }
}
