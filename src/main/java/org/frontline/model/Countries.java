package org.frontline.model;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Country codes: ISO 3166-1 alpha-3 is the common model's form; sources also use alpha-2 and the
 * ICAO Doc 9303 codes printed in machine-readable zones (D for Germany, GBD/GBN/... for British
 * nationals of other kinds, XXA stateless, UNO United Nations...).
 *
 * <p>Every code outside ISO alpha-3 is mapped here, explicitly, and nowhere else:
 * <ul>
 *   <li>ICAO: {@code D} is Germany; {@code GBD GBN GBO GBP GBS} (British dependent territories
 *   citizen, national overseas, overseas citizen, protected person, subject) are the United Kingdom;
 *   {@code RKS} is Kosovo, which has no ISO code; {@code XXA XXB XXC XXX} (stateless, refugee under
 *   the 1951 convention, other refugee, unspecified nationality), {@code UNO UNA UNK} (United
 *   Nations, its agencies, UNMIK in Kosovo), {@code EUE} (European Union) and the {@code X..}
 *   organisations are codes of their own: they name no state.</li>
 *   <li>Kosovo is {@code RKS} in the common model (ICAO Doc 9303, the form printed in its
 *   passports); the EU's user-assigned {@code XKX} and {@code XK} are read as {@code RKS}.</li>
 *   <li>Alpha-2 beyond ISO: the exceptionally reserved {@code UK} (GBR), {@code EL} (GRC), {@code EU}
 *   (EUE as a single country, every member state in a restriction list: {@link #EU_MEMBER_STATES})
 *   and {@code UN} (UNO), and the user-assigned {@code XK} (Kosovo) that EU systems write.</li>
 * </ul>
 * {@link #isState} tells the codes that name a state, the only ones a restriction list can
 * release a record to (an officer belongs to a state's police).
 */
public final class Countries {

    /** ICAO codes that are not ISO alpha-3, mapped to the ISO country they belong to (or themselves). */
    private static final Map<String, String> ICAO_TO_ISO = Map.ofEntries(
            Map.entry("D", "DEU"),
            Map.entry("GBD", "GBR"), Map.entry("GBN", "GBR"), Map.entry("GBO", "GBR"),
            Map.entry("GBP", "GBR"), Map.entry("GBS", "GBR"),
            Map.entry("RKS", "RKS"),   // Kosovo
            Map.entry("XKX", "RKS"),   // Kosovo, as the EU and others write it
            Map.entry("EUE", "EUE"),   // European Union
            Map.entry("UNO", "UNO"), Map.entry("UNA", "UNA"), Map.entry("UNK", "UNK"),
            Map.entry("XBA", "XBA"), Map.entry("XIM", "XIM"), Map.entry("XCC", "XCC"),
            Map.entry("XCO", "XCO"), Map.entry("XEC", "XEC"), Map.entry("XPO", "XPO"),
            Map.entry("XES", "XES"), Map.entry("XMP", "XMP"), Map.entry("XOM", "XOM"),
            Map.entry("XDC", "XDC"), Map.entry("XXA", "XXA"), Map.entry("XXB", "XXB"),
            Map.entry("XXC", "XXC"), Map.entry("XXX", "XXX"));

    /** Two-letter codes beyond ISO alpha-2 that sources write, to the common model's code. */
    private static final Map<String, String> EXTRA_ALPHA2 = Map.of(
            "UK", "GBR", "EL", "GRC", "XK", "RKS", "EU", "EUE", "UN", "UNO");

    /** Codes of the common model without an ISO alpha-2 code, to the two-letter code sources write for them. */
    private static final Map<String, String> EXTRA_ALPHA2_WRITTEN = Map.of(
            "RKS", "XK", "EUE", "EU", "UNO", "UN", "UNA", "UN", "UNK", "UN");

    /** The member states of the European Union (ISO alpha-3): what Europol's {@code EU} releases to. */
    public static final Set<String> EU_MEMBER_STATES = Set.copyOf(List.of(
            "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL",
            "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"));

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

    /**
     * Whether a code of the common model names a state whose officers a restriction list can name:
     * an ISO country or Kosovo. Stateless and refugee codes, the United Nations, the European Union
     * and the other organisations are not states.
     */
    public static boolean isState(String canonical) {
        return canonical != null && (ALPHA3.contains(canonical) || "RKS".equals(canonical));
    }

    /**
     * Every three-letter code (ISO or ICAO) that reads as this country of the common model: the code
     * itself first, then its ICAO and user-assigned variants (GBR: GBR, GBD, GBN, GBO, GBP, GBS; DEU:
     * DEU, D; RKS: RKS, XKX). Empty for a code that is not known.
     */
    public static Set<String> alpha3Forms(String canonical) {
        Set<String> forms = new LinkedHashSet<>();
        if (canonical(canonical) == null || !canonical.equals(canonical(canonical))) {
            return forms;
        }
        forms.add(canonical);
        new TreeSet<>(ICAO_TO_ISO.keySet()).stream()
                .filter(code -> canonical.equals(ICAO_TO_ISO.get(code)))
                .forEach(forms::add);
        return forms;
    }

    /** ISO alpha-2 (and the two-letter codes beyond ISO listed above) to the common model's code; null when unknown. */
    public static String alpha2ToAlpha3(String alpha2) {
        if (alpha2 == null) {
            return null;
        }
        String code = alpha2.trim().toUpperCase(Locale.ROOT);
        String iso = ALPHA2_TO_ALPHA3.get(code);
        return iso != null ? iso : EXTRA_ALPHA2.get(code);
    }

    /** The ISO alpha-2 code of a country (or the two-letter code sources write for Kosovo, the EU, the UN); null when none. */
    public static String alpha3ToAlpha2(String alpha3) {
        String canonical = canonical(alpha3);
        if (canonical == null) {
            return null;
        }
        String iso = ALPHA3_TO_ALPHA2.get(canonical);
        return iso != null ? iso : EXTRA_ALPHA2_WRITTEN.get(canonical);
    }

    /**
     * Every two-letter code that reads as this country of the common model: ISO alpha-2 first, then
     * the exceptionally reserved or user-assigned one (GBR: GB, UK; GRC: GR, EL; RKS: XK; EUE: EU).
     * Empty when no two-letter code names it (stateless, refugee, the organisations).
     */
    public static Set<String> alpha2Forms(String canonical) {
        Set<String> forms = new LinkedHashSet<>();
        String first = alpha3ToAlpha2(canonical);
        if (first == null) {
            return forms;
        }
        forms.add(first);
        new TreeSet<>(EXTRA_ALPHA2.keySet()).stream()
                .filter(code -> EXTRA_ALPHA2.get(code).equals(canonical(canonical)))
                .forEach(forms::add);
        return forms;
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
