package org.frontline.source.aimc;

import org.frontline.model.Alert;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.QueryKind;
import org.frontline.source.Entries.Document;
import org.frontline.source.Entries.Name;
import org.frontline.source.Entries.Person;
import org.frontline.source.Entries.Vehicle;
import org.frontline.source.SourceWriter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes entries as rows of AIMC's own schema (db/sources/aimc, MariaDB): the write side of
 * {@link AimcConnector}, through the same {@link AimcVocabulary}. Rows go to a {@link RowSink} as for
 * every schema; the MariaDB tooling ({@code org.frontline.sourcedata.AimcSeeder}) turns them into
 * batched INSERTs (MariaDB has no COPY).
 *
 * <p>The Arabic-script name comes first when the world knows it (Arab identities), the clerk's Latin
 * transliteration beside it. A full date of birth of a person with an Arabic name is recorded in the
 * Hijri calendar for two records in three (by record number, so the choice is the same on every run),
 * as a ministry that keeps Hijri civil records would; a year alone is always Gregorian.
 */
public final class AimcWriter extends SourceWriter {

    /** The state a record names as its issuer when the entry names none: the Council's General Secretariat, Tunis. */
    static final String SECRETARIAT = "TUN";

    static final Table PERSON = new Table("aimc_person", QueryKind.PERSON, List.of("person_id", "name_ar",
            "given_latin", "family_latin", "birth_date", "birth_calendar", "sex", "nationality"));
    static final Table ALIAS = new Table("aimc_person_alias", QueryKind.PERSON, List.of("person_id", "alias_ar",
            "alias_latin"));
    static final Table BULLETIN = new Table("aimc_bulletin", QueryKind.PERSON, List.of("bulletin_no", "person_id",
            "bulletin_type", "measure", "hazards", "issued_on", "issuing_state", "distribution", "shared_with",
            "secrecy_level", "on_restricted", "contact"));
    static final Table DOC = new Table("aimc_document", QueryKind.DOCUMENT, List.of("document_id", "document_no",
            "issuing_country", "document_kind", "document_state", "state_date", "person_id", "issuing_state",
            "distribution", "shared_with", "contact"));
    static final Table VEH = new Table("aimc_vehicle", QueryKind.VEHICLE, List.of("vehicle_id", "plate_no",
            "plate_country", "vin", "make", "vehicle_state", "state_date", "issuing_state", "distribution",
            "shared_with", "contact"));

    @Override
    public boolean numericAlertIds() {
        return false;
    }

    @Override
    public List<Table> tables() {
        return List.of(PERSON, ALIAS, NAME_KEYS, BULLETIN, DOC, VEH);
    }

    @Override
    public Alert normalize(Alert a) {
        return readBack(a, "AIMC", AimcVocabulary.BULLETIN_TYPE, AimcVocabulary.MEASURE, AimcVocabulary.HAZARD);
    }

    @Override
    public DocumentType documentType(DocumentType t) {
        return AimcVocabulary.DOCUMENT_KIND.readBack(t);
    }

    @Override
    public void person(Person p, RowSink out) {
        Name n = p.name();
        Long id = id(p.recordId());
        String given = n.givenNames();
        String family = n.familyNames();
        if (given == null && family == null) {
            given = sole(n);
        }
        String arabic = p.nameInScript() == null || p.nameInScript().isBlank() ? null : p.nameInScript();
        String[] born = AimcVocabulary.birthDate(p.dateOfBirth(), arabic != null && id % 3 != 0);
        out.row(PERSON, id, arabic, given, family, born == null ? null : born[0], born == null ? null : born[1],
                AimcVocabulary.sexCode(p.sex()), p.nationality() == null ? null : AimcVocabulary.countryCode(p.nationality()));
        for (Name a : p.aliases()) {
            out.row(ALIAS, id, null, a.natural());
        }
        List<String> keyed = new ArrayList<>();
        keyed.add(AimcVocabulary.latinName(given, family));
        p.aliases().forEach(a -> keyed.add(a.natural()));
        if (arabic != null) {
            keyed.add(arabic);
        }
        nameKeys(id, p.dateOfBirth(), out, keyed);
        for (Alert a : p.alerts()) {
            HandlingRestrictions r = a.restrictions();
            out.row(BULLETIN, a.alertId(), id, AimcVocabulary.BULLETIN_TYPE.code(a.category()),
                    AimcVocabulary.MEASURE.code(a.action()), AimcVocabulary.hazards(a.warnings()), a.issuedOn(),
                    issuer(r.countries(), p.nationality()), AimcVocabulary.distributionOf(r.countries()),
                    json(AimcVocabulary.sharedWith(r.countries())),
                    Integer.valueOf(AimcVocabulary.SECRECY.code(r.minimumClearance())),
                    AimcVocabulary.ON_RESTRICTED.code(r.whenRestricted()), a.contactPoint());
        }
    }

    @Override
    public void document(Document d, RowSink out) {
        out.row(DOC, id(d.recordId()), d.number(), AimcVocabulary.countryCode(d.country()),
                AimcVocabulary.DOCUMENT_KIND.code(d.type()), AimcVocabulary.DOCUMENT_STATE.code(d.status()),
                d.reportedOn(), d.holderRecordId() == null ? null : id(d.holderRecordId()),
                issuer(d.restrictedTo(), d.country()), AimcVocabulary.distributionOf(d.restrictedTo()),
                json(AimcVocabulary.sharedWith(d.restrictedTo())), d.contactPoint());
    }

    @Override
    public void vehicle(Vehicle v, RowSink out) {
        out.row(VEH, id(v.recordId()), v.plate(), v.country() == null ? null : AimcVocabulary.countryCode(v.country()),
                v.vin(), v.make(), AimcVocabulary.VEHICLE_STATE.code(v.status()), v.reportedOn(),
                issuer(v.restrictedTo(), v.country()), AimcVocabulary.distributionOf(v.restrictedTo()),
                json(AimcVocabulary.sharedWith(v.restrictedTo())), v.contactPoint());
    }

    /** The issuing state: the first state a restriction names, else the record's own country, else the secretariat. */
    private static String issuer(Collection<String> restrictedTo, String country) {
        if (restrictedTo != null && !restrictedTo.isEmpty()) {
            return AimcVocabulary.countryCode(restrictedTo.stream().sorted().findFirst().orElseThrow());
        }
        String code = country == null ? null : AimcVocabulary.COUNTRY.query(country);
        return code == null ? SECRETARIAT : code;
    }

    /** A JSON array of codes (alpha-3 letters only, nothing to escape), or null. */
    static String json(List<String> codes) {
        if (codes == null) {
            return null;
        }
        StringBuilder b = new StringBuilder("[");
        for (String c : codes) {
            if (!c.matches("[A-Z0-9]{1,3}")) {
                throw new IllegalArgumentException("not a country code: " + c);
            }
            b.append(b.length() > 1 ? "," : "").append('"').append(c).append('"');
        }
        return b.append(']').toString();
    }
}
