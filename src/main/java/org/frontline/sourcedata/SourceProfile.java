package org.frontline.sourcedata;

import org.frontline.sourcedata.NameBank.Culture;

import java.util.List;

/**
 * What makes each demo source's data look like that organisation's: who its members are, which
 * cultures its records come from, how it numbers records, who confirms hits, which of several
 * spellings its clerks tend to use, how often it drops diacritics.
 */
enum SourceProfile {

    INTERPOL("interpol", 0, 0.55, 0.0,
            new double[] {14, 6, 7, 9, 9, 5, 6, 10, 7, 8, 5, 5, 4, 2, 3},
            List.of("FRA", "DEU", "USA", "GBR", "JOR", "BRA", "ITA", "ESP", "TUR", "NGA", "CHN", "RUS", "MEX", "SAU", "IDN"),
            List.of("INTERPOL NCB Wiesbaden +49 611 55 0", "INTERPOL NCB Washington +1 202 616 9000",
                    "INTERPOL NCB Amman +962 6 566 2111", "INTERPOL NCB Brasilia +55 61 2024 8000",
                    "INTERPOL NCB Rome +39 06 4654 2222", "INTERPOL NCB Madrid +34 91 582 2500",
                    "INTERPOL NCB Ankara +90 312 412 7000", "INTERPOL NCB Abuja +234 9 461 0000",
                    "INTERPOL Command and Coordination Centre, Lyon +33 4 72 44 76 76")),
    EUROPOL("europol", 2, 0.25, 0.03,
            new double[] {10, 3, 10, 10, 3, 2, 2, 6, 4, 8, 12, 10, 9, 5, 6},
            List.of("DEU", "FRA", "NLD", "BEL", "ITA", "ESP", "POL", "AUT", "SWE", "DNK", "CZE", "PRT", "GRC", "IRL"),
            List.of("Europol Operational Centre, The Hague +31 70 302 5000", "ENU Germany, BKA Wiesbaden",
                    "ENU France, DCPJ Nanterre", "ENU Netherlands, Zoetermeer", "ENU Belgium, Brussels",
                    "ENU Italy, SCIP Rome", "ENU Spain, CICO Madrid", "ENU Poland, KGP Warsaw")),
    AMERIPOL("ameripol", 1, 0.15, 0.0,
            new double[] {3, 1, 1, 2, 3, 1, 1, 45, 30, 3, 3, 2, 1, 1, 3},
            List.of("BRA", "ARG", "COL", "MEX", "CHL", "PER", "ECU", "PRY", "URY", "BOL", "PAN", "USA"),
            List.of("AMERIPOL Secretaria Ejecutiva, Bogota +57 1 515 9000", "Policia Federal, Brasilia - CGCI",
                    "Policia Federal Argentina, Buenos Aires", "Policia Nacional de Colombia, DIJIN Bogota",
                    "Guardia Nacional, Ciudad de Mexico", "Policia de Investigaciones de Chile, Santiago")),
    ASEANAPOL("aseanapol", 0, 0.45, 0.0,
            new double[] {3, 1, 1, 2, 30, 22, 30, 1, 1, 2, 2, 1, 1, 1, 2},
            List.of("SGP", "MYS", "IDN", "THA", "VNM", "PHL", "BRN", "KHM", "LAO", "MMR"),
            List.of("ASEANAPOL Secretariat, Kuala Lumpur +60 3 2266 8600", "NCB Singapore, Singapore Police Force",
                    "NCB Jakarta, POLRI", "NCB Bangkok, Royal Thai Police", "NCB Hanoi, Ministry of Public Security",
                    "NCB Manila, Philippine National Police")),
    GCCPOL("gccpol", 1, 0.75, 0.0,
            new double[] {55, 10, 3, 2, 2, 1, 4, 1, 1, 5, 1, 1, 1, 1, 1},
            List.of("SAU", "ARE", "KWT", "QAT", "BHR", "OMN"),
            List.of("GCCPOL, Abu Dhabi +971 2 000 0000", "Ministry of Interior, Riyadh - Criminal Investigation",
                    "Kuwait Criminal Investigation, Interpol Section", "Qatar Ministry of Interior, Doha",
                    "Bahrain Criminal Investigation Directorate, Manama", "Royal Oman Police, Muscat")),
    /**
     * The Arab Interior Ministers Council's register (MariaDB). Declared last: the five above keep their
     * ordinals, on which their random streams and the sharing of identities depend, so that adding AIMC
     * changes nothing they hold for a seed; AIMC draws which shared identities it holds from its own
     * stream ({@link SyntheticWorld}).
     */
    AIMC("aimc", 2, 0.0, 0.0,
            new double[] {70, 8, 3, 2, 2, 1, 2, 1, 1, 4, 1, 1, 1, 1, 2},
            List.of("JOR", "SAU", "ARE", "EGY", "IRQ", "MAR", "DZA", "TUN", "LBN", "KWT", "QAT", "OMN", "BHR"),
            List.of("AIMC General Secretariat, Tunis +216 71 000 000", "Arab Bureau of Criminal Police, Damascus desk",
                    "Public Security Directorate, Amman - Criminal Investigation", "Ministry of Interior, Cairo - Interpol Division",
                    "Direction Generale de la Surete Nationale, Rabat", "Ministry of Interior, Baghdad - Criminal Evidence")),
    /**
     * The Economic Cooperation Organization's register, kept by its partner behind an HTTP API (issue #17
     * item 2). Declared after AIMC for the same reason: the others keep their ordinals and streams; ECO
     * draws its shared identities from its own stream (Persian and Turkic identities far more often).
     */
    ECO("eco", 1, 0.5, 0.0,
            new double[] {12, 35, 30, 14, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1},
            List.of("TUR", "IRN", "PAK", "AFG", "AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB"),
            List.of("ECO Secretariat, Tehran - Police Cooperation Desk +98 21 2283 1733", "Turkish National Police, Ankara - Interpol-Europol Department",
                    "FARAJA International Police Cooperation, Tehran", "Federal Investigation Agency, Islamabad",
                    "Ministry of Internal Affairs, Baku - NCB", "Ministry of Internal Affairs, Astana - International Cooperation",
                    "Ministry of Internal Affairs, Tashkent - NCB"));

    /** The five PostgreSQL sources whose ordinals (0 to 4) the world's sharing and streams were built on. */
    static final int FIRST_FIVE = 5;

    static final double[] GLOBAL_CULTURE_WEIGHTS = {14, 6, 7, 9, 9, 5, 6, 10, 7, 8, 5, 5, 4, 2, 3};

    final String id;
    /** Index of the spelling this source's clerks prefer, modulo the number of spellings. */
    final int preferredSpelling;
    /** Share of records written without diacritics. */
    final double dropDiacritics;
    /** Share of alerts restricted to agencies (only Europol's schema has the column). */
    final double agencyRestricted;
    final double[] cultureWeights;
    /** Member countries (alpha-3): restrictions name some of them; documents and vehicles come mostly from them. */
    final List<String> members;
    final List<String> contactPoints;

    SourceProfile(String id, int preferredSpelling, double dropDiacritics, double agencyRestricted,
                  double[] cultureWeights, List<String> members, List<String> contactPoints) {
        if (cultureWeights.length != Culture.values().length) {
            throw new IllegalStateException("culture weights of " + id);
        }
        this.id = id;
        this.preferredSpelling = preferredSpelling;
        this.dropDiacritics = dropDiacritics;
        this.agencyRestricted = agencyRestricted;
        this.cultureWeights = cultureWeights;
        this.members = members;
        this.contactPoints = contactPoints;
    }

    static SourceProfile of(String id) {
        for (SourceProfile p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown source '" + id + "', expected one of " + SourceSchemas.TYPES);
    }

    private static final String[] ASEAN_ISO2 = {"SG", "MY", "ID", "TH", "VN", "PH", "BN", "KH", "LA", "MM"};

    /** The record id of synthetic person number n (walkthrough records use other forms). */
    String personId(long n) {
        return switch (this) {
            case INTERPOL -> Long.toString(10_000_000L + n);
            case EUROPOL -> String.format("EU-P-%07d", n);
            case AMERIPOL -> Long.toString(50_000_000L + n);
            case ASEANAPOL -> String.format("ASN-%s-%07d", ASEAN_ISO2[(int) (Long.remainderUnsigned(n * 0x9E3779B97F4A7C15L, ASEAN_ISO2.length))], n);
            case GCCPOL -> Long.toString(70_000_000L + n);
            case AIMC -> Long.toString(90_000_000L + n);
            case ECO -> Long.toString(95_000_000L + n);
        };
    }

    /** The record id of synthetic document n; INTERPOL's SLTD has no id column and is keyed by country and number. */
    String documentId(long n, String country, String number) {
        return switch (this) {
            case INTERPOL -> country + "/" + number;
            case EUROPOL -> String.format("EU-D-%07d", n);
            default -> Long.toString(1_000_000L + n);
        };
    }

    String vehicleId(long n) {
        return switch (this) {
            case INTERPOL -> Long.toString(30_000_000L + n);
            case EUROPOL -> String.format("EU-V-%07d", n);
            default -> Long.toString(1_000_000L + n);
        };
    }

    /** The id of synthetic alert number n of this source. */
    String alertId(long n, int year) {
        return switch (this) {
            case INTERPOL -> "A-" + (10_000 + n) + "/" + (1 + n % 9) + "-" + year;
            case GCCPOL -> String.format("GCC/%04d/%06d", year, n);
            // the Hijri year of issue, as the Council numbers its bulletins
            case AIMC -> String.format("AIMC/%04d/%06d", java.time.chrono.HijrahDate.from(java.time.LocalDate.of(year, 7, 1))
                    .get(java.time.temporal.ChronoField.YEAR_OF_ERA), n);
            case ECO -> String.format("ECO-N-%04d-%06d", year, n);
            default -> Long.toString(1_000_000L + n);
        };
    }
}
