package org.frontline.sourcedata;

import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PartialDate;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;
import org.frontline.model.WhenRestricted;
import org.frontline.source.Entries.Document;
import org.frontline.source.Entries.Name;
import org.frontline.source.Entries.Person;
import org.frontline.source.Entries.Vehicle;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The fixed subjects every seeded demo holds in addition to the synthetic ones, for the README,
 * the demo and the tests. Synthetic records never collide with them: the generator moves synthetic
 * dates of birth off theirs, and document, plate and VIN formats cannot produce theirs (checked).
 */
public final class Walkthrough {

    // --- a wanted, armed person in INTERPOL (red notice) and Europol (EAW), spelled differently
    public static final long WANTED_IDENTITY = 9_000_000_000_001L;
    public static final String WANTED_DATE_OF_BIRTH = "1983-04-12";
    public static final String WANTED_NATIONALITY = "JOR";
    public static final String WANTED_NATIONALITY_ALPHA2 = "JO";
    public static final String WANTED_INTERPOL_FORENAME = "Mohammed";
    public static final String WANTED_INTERPOL_FAMILY_NAME = "Al-Rashid";
    public static final String WANTED_INTERPOL_SUBJECT_ID = "1001";
    public static final String WANTED_INTERPOL_NOTICE_ID = "A-1001/4-2024";
    public static final String WANTED_INTERPOL_CONTACT = "INTERPOL NCB Wiesbaden +49 611 55 0";
    public static final String WANTED_EUROPOL_FULL_NAME = "AL RASHEED, Muhammad";
    public static final String WANTED_EUROPOL_PERSON_REF = "EU-P-W000001";
    public static final String WANTED_EUROPOL_FLAG_ID = "101";
    public static final String WANTED_EUROPOL_CONTACT = "Europol Operational Centre, The Hague";

    // --- a stolen French passport in INTERPOL SLTD
    public static final String STOLEN_PASSPORT_NUMBER = "P4471902";
    public static final String STOLEN_PASSPORT_COUNTRY = "FRA";
    public static final DocumentType STOLEN_PASSPORT_TYPE = DocumentType.PASSPORT;
    public static final AlertCategory STOLEN_PASSPORT_STATUS = AlertCategory.STOLEN_DOCUMENT;
    public static final String STOLEN_PASSPORT_CONTACT = "INTERPOL NCB Paris";

    // --- a stolen car in AMERIPOL
    public static final String STOLEN_CAR_PLATE = "ABC1234";
    public static final String STOLEN_CAR_COUNTRY = "BRA";
    /** Volkswagen do Brasil WMI 9BW; check digit (position 9) valid. */
    public static final String STOLEN_CAR_VIN = "9BWZZZ372VT004251";
    public static final String STOLEN_CAR_AMERIPOL_ID = "101";
    public static final String STOLEN_CAR_CONTACT = "Policia Federal, Brasilia - CGCI";

    // --- a document no source holds (the NO_HIT example)
    public static final String UNKNOWN_DOCUMENT_NUMBER = "Z0000000";
    public static final String UNKNOWN_DOCUMENT_COUNTRY = "DEU";

    // --- a person in GCCPOL whose circular only some countries and SECRET clearance may see
    public static final long RESTRICTED_IDENTITY = 9_000_000_000_002L;
    public static final String RESTRICTED_FIRST_NAME = "Khalid";
    public static final String RESTRICTED_FATHER_NAME = "Saleh";
    public static final String RESTRICTED_GRANDFATHER_NAME = "Ahmed";
    public static final String RESTRICTED_FAMILY_NAME = "Al-Dosari";
    public static final String RESTRICTED_NAME_ARABIC = "خالد صالح أحمد الدوسري";
    public static final String RESTRICTED_DATE_OF_BIRTH = "1979-11-03";
    public static final String RESTRICTED_NATIONALITY = "SAU";
    public static final String RESTRICTED_GCCPOL_ID = "1001";
    public static final String RESTRICTED_CIRCULAR_NO = "GCC/2025/W0001";
    /** The only countries (alpha-3) whose officers may see the circular. */
    public static final Set<String> RESTRICTED_TO_COUNTRIES = Set.of("SAU", "ARE");
    public static final Clearance RESTRICTED_CLEARANCE = Clearance.SECRET;
    public static final WhenRestricted RESTRICTED_WHEN_RESTRICTED = WhenRestricted.CONTACT_ONLY;
    public static final String RESTRICTED_CONTACT = "GCCPOL, Abu Dhabi +971 2 000 0000";

    private Walkthrough() {
    }

    static void persons(SourceProfile source, Consumer<Person> out) {
        PartialDate wantedDob = PartialDate.parse(WANTED_DATE_OF_BIRTH);
        switch (source) {
            case INTERPOL -> out.accept(new Person(WANTED_INTERPOL_SUBJECT_ID, WANTED_IDENTITY,
                    Name.of(WANTED_INTERPOL_FORENAME, WANTED_INTERPOL_FAMILY_NAME), null, List.of(), wantedDob, Sex.MALE,
                    WANTED_NATIONALITY, List.of(new Alert(WANTED_INTERPOL_NOTICE_ID, AlertCategory.WANTED_FOR_ARREST,
                    ActionToTake.ARREST, List.of(SafetyWarning.ARMED), LocalDate.of(2024, 3, 18), HandlingRestrictions.NONE,
                    WANTED_INTERPOL_CONTACT)), true));
            case EUROPOL -> out.accept(new Person(WANTED_EUROPOL_PERSON_REF, WANTED_IDENTITY,
                    Name.of("Muhammad", "Al Rasheed"), null, List.of(), wantedDob, Sex.MALE, WANTED_NATIONALITY,
                    List.of(new Alert(WANTED_EUROPOL_FLAG_ID, AlertCategory.WANTED_FOR_ARREST, ActionToTake.ARREST,
                            List.of(SafetyWarning.ARMED), LocalDate.of(2024, 5, 2),
                            new HandlingRestrictions(Set.of(), Set.of(), Clearance.UNCLASSIFIED, "H0", WhenRestricted.HIDE),
                            WANTED_EUROPOL_CONTACT)), true));
            case GCCPOL -> out.accept(new Person(RESTRICTED_GCCPOL_ID, RESTRICTED_IDENTITY,
                    new Name(RESTRICTED_FIRST_NAME, List.of(RESTRICTED_FATHER_NAME, RESTRICTED_GRANDFATHER_NAME),
                            RESTRICTED_FAMILY_NAME, null, false, true), RESTRICTED_NAME_ARABIC, List.of(),
                    PartialDate.parse(RESTRICTED_DATE_OF_BIRTH), Sex.MALE, RESTRICTED_NATIONALITY,
                    List.of(new Alert(RESTRICTED_CIRCULAR_NO, AlertCategory.WANTED_FOR_ARREST, ActionToTake.ARREST,
                            List.of(SafetyWarning.VIOLENT), LocalDate.of(2025, 6, 9),
                            new HandlingRestrictions(RESTRICTED_TO_COUNTRIES, Set.of(), RESTRICTED_CLEARANCE, null,
                                    RESTRICTED_WHEN_RESTRICTED), RESTRICTED_CONTACT)), true));
            default -> {
            }
        }
    }

    static void documents(SourceProfile source, Consumer<Document> out) {
        if (source == SourceProfile.INTERPOL) {
            out.accept(new Document(STOLEN_PASSPORT_COUNTRY + "/" + STOLEN_PASSPORT_NUMBER, -1, STOLEN_PASSPORT_NUMBER,
                    STOLEN_PASSPORT_COUNTRY, STOLEN_PASSPORT_TYPE, STOLEN_PASSPORT_STATUS, LocalDate.of(2025, 11, 3),
                    null, Set.of(), null, STOLEN_PASSPORT_CONTACT, true));
        }
    }

    static void vehicles(SourceProfile source, Consumer<Vehicle> out) {
        if (source == SourceProfile.AMERIPOL) {
            out.accept(new Vehicle(STOLEN_CAR_AMERIPOL_ID, STOLEN_CAR_PLATE, STOLEN_CAR_COUNTRY, STOLEN_CAR_VIN,
                    "Volkswagen", "Gol", "white", AlertCategory.STOLEN_VEHICLE, ActionToTake.SEIZE, LocalDate.of(2025, 9, 20),
                    null, Set.of(), null, STOLEN_CAR_CONTACT, true));
        }
    }

    /** Moves a synthetic date of birth that equals a walkthrough subject's by one day. */
    static PartialDate avoidDateOfBirth(PartialDate dob) {
        String s = dob.toString();
        if (s.equals(WANTED_DATE_OF_BIRTH) || s.equals(RESTRICTED_DATE_OF_BIRTH)) {
            return PartialDate.of(LocalDate.parse(s).plusDays(1));
        }
        return dob;
    }

    static void requireNoCollision(Document d) {
        if (d.number().equals(STOLEN_PASSPORT_NUMBER) && d.country().equals(STOLEN_PASSPORT_COUNTRY)
                || d.number().equals(UNKNOWN_DOCUMENT_NUMBER) && d.country().equals(UNKNOWN_DOCUMENT_COUNTRY)) {
            throw new IllegalStateException("a synthetic document collides with a walkthrough document");
        }
    }

    static void requireNoCollision(Vehicle v) {
        if (STOLEN_CAR_PLATE.equals(v.plate()) && STOLEN_CAR_COUNTRY.equals(v.country())
                || STOLEN_CAR_VIN.equals(v.vin())) {
            throw new IllegalStateException("a synthetic vehicle collides with the walkthrough car");
        }
    }
}
