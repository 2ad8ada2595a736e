package org.frontline.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Country codes: ISO 3166-1 alpha-3 is the common model's form; sources also use alpha-2 and the
 * ICAO Doc 9303 codes printed in machine-readable zones (D for Germany, GBD/GBN/... for British
 * nationals of other kinds, XXA stateless, UNO United Nations...).
 */
public final class Countries {

    /** ICAO codes that are not ISO alpha-3, mapped to the ISO country they belong to (or themselves). */
    private static final Map<String, String> ICAO_TO_ISO = Map.ofEntries(
            Map.entry("D", "DEU"),
            Map.entry("GBD", "GBR"), Map.entry("GBN", "GBR"), Map.entry("GBO", "GBR"),
            Map.entry("GBP", "GBR"), Map.entry("GBS", "GBR"),
            Map.entry("RKS", "RKS"),   // Kosovo
            Map.entry("EUE", "EUE"),   // European Union
            Map.entry("UNO", "UNO"), Map.entry("UNA", "UNA"), Map.entry("UNK", "UNK"),
            Map.entry("XBA", "XBA"), Map.entry("XIM", "XIM"), Map.entry("XCC", "XCC"),
            Map.entry("XCO", "XCO"), Map.entry("XEC", "XEC"), Map.entry("XPO", "XPO"),
            Map.entry("XES", "XES"), Map.entry("XMP", "XMP"), Map.entry("XOM", "XOM"),
            Map.entry("XDC", "XDC"), Map.entry("XXA", "XXA"), Map.entry("XXB", "XXB"),
            Map.entry("XXC", "XXC"), Map.entry("XXX", "XXX"));

    private static final Set<String> ALPHA3;
    private static final Map<String, String> ALPHA2_TO_ALPHA3 = new HashMap<>();
    private static final Map<String, String> ALPHA3_TO_ALPHA2 = new HashMap<>();

    static {
        Set<String> alpha3 = new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        for (String alpha2 : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)) {
            String a3 = new Locale("", alpha2).getISO3Country();
            if (!a3.isEmpty()) {
                ALPHA2_TO_ALPHA3.put(alpha2, a3);
                ALPHA3_TO_ALPHA2.put(a3, alpha2);
            }
        }
        ALPHA3 = Set.copyOf(alpha3);
    }

    private Countries() {
    }

    /** True for an ISO alpha-3 code or an ICAO code, upper case. */
    public static boolean isKnown(String code) {
        return code != null && (ALPHA3.contains(code) || ICAO_TO_ISO.containsKey(code));
    }

    /** The ISO alpha-3 form of an ISO alpha-3 or ICAO code; null when unknown. */
    public static String canonical(String code) {
        if (code == null) {
            return null;
        }
        if (ALPHA3.contains(code)) {
            return code;
        }
        return ICAO_TO_ISO.get(code);
    }

    public static String alpha2ToAlpha3(String alpha2) {
        return alpha2 == null ? null : ALPHA2_TO_ALPHA3.get(alpha2.trim().toUpperCase(Locale.ROOT));
    }

    public static String alpha3ToAlpha2(String alpha3) {
        return alpha3 == null ? null : ALPHA3_TO_ALPHA2.get(canonical(alpha3));
    }

    /** The ICAO Doc 9303 code for an alpha-3 country: DEU is written D in machine-readable zones. */
    public static String alpha3ToIcao(String alpha3) {
        return "DEU".equals(alpha3) ? "D" : alpha3;
    }

    public static String icaoToAlpha3(String icao) {
        return canonical(icao == null ? null : icao.trim().toUpperCase(Locale.ROOT));
    }

    public static Set<String> alpha3Codes() {
        return ALPHA3;
    }
}
