package org.frontline.source;

import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.DocumentRecord;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonRecord;
import org.frontline.model.Sex;
import org.frontline.model.VehicleRecord;
import org.frontline.model.WhenRestricted;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What the generator and the loader (org.frontline.sourcedata) hand to a source's {@link SourceWriter}:
 * the common model plus the few things a source layout needs and the common record lacks (name parts,
 * record status, reporting date).
 */
public final class Entries {

    private Entries() {
    }

    /**
     * A name in parts. {@code middle}: further given names, a patronymic, or (ancestral) the father's
     * and grandfather's names of an Arab name. {@code family2}: a second surname (Spanish, Portuguese).
     */
    public record Name(String given, List<String> middle, String family, String family2, boolean familyFirst,
                boolean ancestral) {

        public Name {
            middle = middle == null ? List.of() : List.copyOf(middle);
        }

        public static Name of(String given, String family) {
            return new Name(given, List.of(), family, null, false, false);
        }

        /** Given names with the middle names, or null. */
        public String givenNames() {
            StringJoiner j = new StringJoiner(" ");
            if (familyFirst) {
                middle.forEach(j::add);   // Nguyen Van An: the middle name precedes the given name
            }
            if (given != null && !given.isBlank()) {
                j.add(given);
            }
            if (!familyFirst) {
                middle.forEach(j::add);
            }
            return j.length() == 0 ? null : j.toString();
        }

        /** Family name with the second surname, or null. */
        public String familyNames() {
            if (family == null || family.isBlank()) {
                return family2;
            }
            return family2 == null ? family : family + " " + family2;
        }

        /** The whole name in the order the person's own documents write it. */
        public String natural() {
            String g = givenNames();
            String f = familyNames();
            if (g == null) {
                return f == null ? "" : f;
            }
            if (f == null) {
                return g;
            }
            return familyFirst ? f + " " + g : g + " " + f;
        }
    }

    /** A person record in one source; {@code identity} is the canonical identity it belongs to. */
    public record Person(String recordId, long identity, Name name, String nameInScript, List<Name> aliases,
                  PartialDate dateOfBirth, Sex sex, String nationality, List<Alert> alerts, boolean walkthrough) {

        public Person {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
            sex = sex == null ? Sex.UNKNOWN : sex;
        }

        public PersonRecord toRecord() {
            return new PersonRecord(recordId, name.givenNames(), name.familyNames(), name.natural(),
                    aliases.stream().map(Name::natural).toList(), dateOfBirth, sex, nationality, alerts);
        }
    }

    /** A travel document record; {@code status} is one of the three document alert categories. */
    public record Document(String recordId, long holderIdentity, String number, String country, DocumentType type,
                    AlertCategory status, LocalDate reportedOn, String holderRecordId, Set<String> restrictedTo,
                    String handlingCode, String contactPoint, boolean walkthrough) {

        public Document {
            restrictedTo = restrictedTo == null ? Set.of() : Set.copyOf(restrictedTo);
        }

        public DocumentRecord toRecord() {
            ActionToTake action = status == AlertCategory.LOST_DOCUMENT ? ActionToTake.REPORT : ActionToTake.SEIZE;
            Alert alert = new Alert(recordId, status, action, List.of(), reportedOn,
                    new HandlingRestrictions(restrictedTo, Set.of(), null, handlingCode, WhenRestricted.HIDE), contactPoint);
            return new DocumentRecord(recordId, number, country, type, holderRecordId, List.of(alert));
        }
    }

    /** A vehicle record; {@code status} is STOLEN_VEHICLE or WANTED_VEHICLE. */
    public record Vehicle(String recordId, String plate, String country, String vin, String make, String model,
                   String colour, AlertCategory status, ActionToTake action, LocalDate reportedOn,
                   String linkedPersonRecordId, Set<String> restrictedTo, String handlingCode, String contactPoint,
                   boolean walkthrough) {

        public Vehicle {
            restrictedTo = restrictedTo == null ? Set.of() : Set.copyOf(restrictedTo);
        }

        public String description() {
            StringJoiner j = new StringJoiner(" ");
            for (String s : new String[] {make, model, colour}) {
                if (s != null && !s.isBlank()) {
                    j.add(s);
                }
            }
            return j.length() == 0 ? null : j.toString();
        }

        public VehicleRecord toRecord() {
            Alert alert = new Alert(recordId, status, action, List.of(), reportedOn,
                    new HandlingRestrictions(restrictedTo, Set.of(), null, handlingCode, WhenRestricted.HIDE), contactPoint);
            return new VehicleRecord(recordId, plate, country, vin, description(), List.of(alert));
        }
    }
}
