package org.frontline.sourcedata;

import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PartialDate;
import org.frontline.model.QueryKind;
import org.frontline.model.WhenRestricted;
import org.frontline.match.NameKeys;
import org.frontline.source.ameripol.AmeripolVocabulary;
import org.frontline.source.aseanapol.AseanapolVocabulary;
import org.frontline.source.europol.EuropolVocabulary;
import org.frontline.source.gccpol.GccpolVocabulary;
import org.frontline.source.interpol.InterpolVocabulary;
import org.frontline.sourcedata.Entries.Document;
import org.frontline.sourcedata.Entries.Name;
import org.frontline.sourcedata.Entries.Person;
import org.frontline.sourcedata.Entries.Vehicle;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes entries as rows of one source schema: name layout, date format, country code form and
 * vocabulary, all through that source's Vocabulary class. Rows go to a {@link RowSink}, table by
 * table in the order of {@link #tables()} (parents first), which is the order they must be loaded in.
 */
abstract class SourceWriter {

    /** A table and the columns the writer fills, in row order. */
    record Table(String name, QueryKind kind, List<String> columns) {
        String copySql() {
            return "COPY " + name + " (" + String.join(", ", columns) + ") FROM STDIN";
        }
    }

    interface RowSink {
        void row(Table table, Object... values);

        /** False when rows for this table would be dropped, so that costly rows need not be computed. */
        default boolean wants(Table table) {
            return true;
        }
    }

    /**
     * Our person-name keys beside every source (db/sources/&lt;schema&gt;/V3__name_keys.sql): written by
     * the tooling for each person, from the names as the source holds them.
     */
    static final Table NAME_KEYS = new Table("frontline_name_key", QueryKind.PERSON,
            List.of("record_ref", "key_kind", "key", "born"));

    /** The setting that tells the source's triggers that the tooling writes the name keys itself. */
    static final String KEYS_WRITTEN = "SET LOCAL frontline.name_keys = 'written'";

    /**
     * Recounts how common each name key is (frontline_name_frequency, db/sources/shared/V4__name_frequencies.sql)
     * in one set-based statement: run after a bulk load, which COPYs the keys with the table's triggers off.
     */
    static final String COUNT_NAME_KEYS = "SELECT frontline_name_frequency_rebuild()";

    /**
     * The keys of a person's names, each with the year of birth the source holds for the person
     * ({@code born}, db/sources/&lt;schema&gt;/V6__name_key_birth_year.sql; null when it holds none): the
     * year the schema's frontline_birth_year reads back from what the writer wrote, which
     * NameKeyBirthYearTest checks for every schema.
     */
    static void nameKeys(Object recordRef, PartialDate dateOfBirth, RowSink out, List<String> names) {
        if (!out.wants(NAME_KEYS)) {
            return;
        }
        Integer born = dateOfBirth == null ? null : dateOfBirth.year();
        for (NameKeys.Key k : NameKeys.of(names)) {
            out.row(NAME_KEYS, recordRef, k.kind(), k.text(), born);
        }
    }

    static List<String> names(String name, List<Name> aliases, java.util.function.Function<Name, String> layout) {
        List<String> out = new java.util.ArrayList<>(1 + aliases.size());
        out.add(name);
        aliases.forEach(a -> out.add(layout.apply(a)));
        return out;
    }

    static String givenFirst(Name n) {
        String given = givenIfFamily(n);
        String sole = sole(n);
        return given == null || given.isBlank() ? sole : given + " " + sole;
    }

    private static final Map<String, SourceWriter> WRITERS = Map.of(
            "interpol", new Interpol(), "europol", new Europol(), "ameripol", new Ameripol(),
            "aseanapol", new Aseanapol(), "gccpol", new Gccpol());

    static SourceWriter of(String schema) {
        SourceWriter w = WRITERS.get(schema);
        if (w == null) {
            throw new IllegalArgumentException("unknown schema type '" + schema + "'");
        }
        return w;
    }

    abstract List<Table> tables();

    /** The alert as it reads back from this source (categories, actions, warnings it can express). */
    abstract Alert normalize(Alert alert);

    /** The document type as it reads back from this source. */
    abstract DocumentType documentType(DocumentType type);

    abstract void person(Person p, RowSink out);

    abstract void document(Document d, RowSink out);

    abstract void vehicle(Vehicle v, RowSink out);

    static Long id(String recordId) {
        try {
            return Long.parseLong(recordId);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("this source's record ids are numbers");
        }
    }

    static String sole(Name n) {
        String f = n.familyNames();
        return f == null ? (n.givenNames() == null ? "" : n.givenNames()) : f;
    }

    static String givenIfFamily(Name n) {
        return n.familyNames() == null ? null : n.givenNames();
    }

    static void noAgencies(Alert a, String source) {
        if (!a.restrictions().agencies().isEmpty()) {
            throw new IllegalArgumentException(source + " cannot restrict an alert to agencies");
        }
    }

    static HandlingRestrictions withoutHandlingCode(HandlingRestrictions r) {
        return new HandlingRestrictions(r.countries(), r.agencies(), r.minimumClearance(), null, r.whenRestricted());
    }

    static String[] array(List<String> values) {
        return values == null ? null : values.toArray(new String[0]);
    }

    // ------------------------------------------------------------------ INTERPOL

    static final class Interpol extends SourceWriter {
        static final Table SUBJECT = new Table("notice_subject", QueryKind.PERSON,
                List.of("subject_id", "family_name", "forename", "birth_date", "birth_year", "sex", "nationality"));
        static final Table ALIAS = new Table("subject_alias", QueryKind.PERSON, List.of("subject_id", "family_name", "forename"));
        static final Table NOTICE = new Table("notice", QueryKind.PERSON, List.of("notice_id", "subject_id", "colour",
                "requested_action", "caution", "issued_on", "restricted_to", "min_clearance", "if_restricted", "ncb_contact"));
        static final Table SLTD = new Table("sltd_document", QueryKind.DOCUMENT, List.of("document_number",
                "issuing_country", "document_type", "status", "reported_on", "holder_subject_id", "restricted_to", "reporting_ncb"));
        static final Table SMV = new Table("smv_vehicle", QueryKind.VEHICLE, List.of("vehicle_id", "plate",
                "registration_country", "vin", "make", "model", "colour", "reported_stolen_on", "restricted_to", "reporting_ncb"));

        @Override
        List<Table> tables() {
            return List.of(SUBJECT, ALIAS, NAME_KEYS, NOTICE, SLTD, SMV);
        }

        @Override
        Alert normalize(Alert a) {
            noAgencies(a, "INTERPOL");
            return new Alert(a.alertId(), InterpolVocabulary.NOTICE_COLOUR.value(InterpolVocabulary.NOTICE_COLOUR.code(a.category())),
                    InterpolVocabulary.REQUESTED_ACTION.value(InterpolVocabulary.REQUESTED_ACTION.code(a.action())),
                    InterpolVocabulary.CAUTION.valuesOf(InterpolVocabulary.CAUTION.codesOf(a.warnings())), a.issuedOn(),
                    withoutHandlingCode(a.restrictions()), a.contactPoint());
        }

        @Override
        DocumentType documentType(DocumentType t) {
            return InterpolVocabulary.DOCUMENT_TYPE.value(InterpolVocabulary.DOCUMENT_TYPE.code(t));
        }

        private static String[] countries(Set<String> alpha3) {
            return alpha3.isEmpty() ? null : alpha3.stream().map(InterpolVocabulary::countryCode).sorted().toArray(String[]::new);
        }

        @Override
        void person(Person p, RowSink out) {
            Long id = id(p.recordId());
            out.row(SUBJECT, id, sole(p.name()), givenIfFamily(p.name()), InterpolVocabulary.birthDate(p.dateOfBirth()),
                    InterpolVocabulary.birthYear(p.dateOfBirth()), InterpolVocabulary.SEX.code(p.sex()),
                    p.nationality() == null ? null : InterpolVocabulary.countryCode(p.nationality()));
            for (Name a : p.aliases()) {
                out.row(ALIAS, id, sole(a), givenIfFamily(a));
            }
            nameKeys(id, p.dateOfBirth(), out, names(givenFirst(p.name()), p.aliases(), SourceWriter::givenFirst));
            for (Alert a : p.alerts()) {
                HandlingRestrictions r = a.restrictions();
                out.row(NOTICE, a.alertId(), id, InterpolVocabulary.NOTICE_COLOUR.code(a.category()),
                        InterpolVocabulary.REQUESTED_ACTION.code(a.action()),
                        array(InterpolVocabulary.CAUTION.codesOf(a.warnings())), a.issuedOn(), countries(r.countries()),
                        InterpolVocabulary.MIN_CLEARANCE.code(r.minimumClearance()),
                        InterpolVocabulary.IF_RESTRICTED.code(r.whenRestricted()), a.contactPoint());
            }
        }

        @Override
        void document(Document d, RowSink out) {
            out.row(SLTD, d.number(), InterpolVocabulary.countryCode(d.country()), InterpolVocabulary.DOCUMENT_TYPE.code(d.type()),
                    InterpolVocabulary.DOCUMENT_STATUS.code(d.status()), d.reportedOn(),
                    d.holderRecordId() == null ? null : id(d.holderRecordId()), countries(d.restrictedTo()), d.contactPoint());
        }

        @Override
        void vehicle(Vehicle v, RowSink out) {
            if (v.status() != AlertCategory.STOLEN_VEHICLE) {
                throw new IllegalArgumentException("INTERPOL SMV holds stolen vehicles only");
            }
            if (v.vin() != null && v.vin().length() != 17) {
                throw new IllegalArgumentException("a VIN has 17 characters");
            }
            out.row(SMV, id(v.recordId()), v.plate(), v.country() == null ? null : InterpolVocabulary.countryCode(v.country()),
                    v.vin(), v.make(), v.model(), v.colour(), v.reportedOn(), countries(v.restrictedTo()), v.contactPoint());
        }
    }

    // ------------------------------------------------------------------ Europol

    static final class Europol extends SourceWriter {
        static final Table PERSON = new Table("eis_person", QueryKind.PERSON, List.of("person_ref", "full_name",
                "dob_text", "gender", "nationality_iso2", "owner_ms", "handling_code"));
        static final Table ALIAS = new Table("eis_person_alias", QueryKind.PERSON, List.of("person_ref", "alias_full_name"));
        static final Table FLAG = new Table("eis_flag", QueryKind.PERSON, List.of("flag_id", "person_ref", "measure",
                "crime_area", "risk_markers", "flagged_on", "releasable_to", "releasable_agency", "min_clearance",
                "on_restriction", "contact_unit"));
        static final Table DOC = new Table("eis_object_document", QueryKind.DOCUMENT, List.of("doc_ref", "doc_no",
                "doc_country_iso2", "doc_kind", "doc_state", "reported_on", "linked_person_ref", "handling_code",
                "releasable_to", "contact_unit"));
        static final Table VEH = new Table("eis_object_vehicle", QueryKind.VEHICLE, List.of("veh_ref", "licence_plate",
                "reg_country_iso2", "vin", "make_model", "veh_state", "reported_on", "linked_person_ref", "handling_code",
                "releasable_to", "contact_unit"));
        private static final String[] OWNERS = {"DE", "FR", "NL", "BE", "IT", "ES", "PL", "AT", "SE", "PT"};
        private static final String[] CRIME_AREAS = {"drug trafficking", "robbery", "fraud", "trafficking in human beings",
                "murder", "organised property crime"};

        @Override
        List<Table> tables() {
            return List.of(PERSON, ALIAS, NAME_KEYS, FLAG, DOC, VEH);
        }

        @Override
        Alert normalize(Alert a) {
            String measure = EuropolVocabulary.MEASURE.code(a.category());
            HandlingRestrictions r = a.restrictions();
            String code = r.handlingCode() == null ? "H0" : r.handlingCode();
            if (!EuropolVocabulary.HANDLING_CODES.contains(code)) {
                throw new IllegalArgumentException("Europol handling codes are H0..H3");
            }
            return new Alert(a.alertId(), EuropolVocabulary.MEASURE.value(measure), EuropolVocabulary.action(measure),
                    EuropolVocabulary.RISK_MARKER.valuesOf(EuropolVocabulary.RISK_MARKER.codesOf(a.warnings())), a.issuedOn(),
                    new HandlingRestrictions(r.countries(), r.agencies(), r.minimumClearance(), code, r.whenRestricted()),
                    a.contactPoint());
        }

        @Override
        DocumentType documentType(DocumentType t) {
            return EuropolVocabulary.DOC_KIND.value(EuropolVocabulary.DOC_KIND.code(t));
        }

        static String layout(Name n) {
            return EuropolVocabulary.fullName(givenIfFamily(n), sole(n));
        }

        @Override
        void person(Person p, RowSink out) {
            String handling = "H0";
            for (Alert a : p.alerts()) {
                String h = a.restrictions().handlingCode();
                if (h != null && h.compareTo(handling) > 0) {
                    handling = h;
                }
            }
            String owner = OWNERS[Math.floorMod(p.recordId().hashCode(), OWNERS.length)];
            out.row(PERSON, p.recordId(), layout(p.name()), EuropolVocabulary.dobText(p.dateOfBirth()),
                    EuropolVocabulary.GENDER.code(p.sex()),
                    p.nationality() == null ? null : EuropolVocabulary.countryCode(p.nationality()), owner, handling);
            for (Name a : p.aliases()) {
                out.row(ALIAS, p.recordId(), layout(a));
            }
            nameKeys(p.recordId(), p.dateOfBirth(), out, names(layout(p.name()), p.aliases(), Europol::layout));
            for (Alert a : p.alerts()) {
                HandlingRestrictions r = a.restrictions();
                String measure = EuropolVocabulary.MEASURE.code(a.category());
                String crimeArea = "EAW_ARREST".equals(measure)
                        ? CRIME_AREAS[Math.floorMod(a.alertId().hashCode(), CRIME_AREAS.length)] : null;
                out.row(FLAG, id(a.alertId()), p.recordId(), measure, crimeArea,
                        EuropolVocabulary.riskMarkersText(a.warnings()), a.issuedOn(),
                        EuropolVocabulary.countryList(r.countries()),
                        r.agencies().isEmpty() ? null : String.join(",", new java.util.TreeSet<>(r.agencies())),
                        EuropolVocabulary.MIN_CLEARANCE.code(r.minimumClearance()),
                        EuropolVocabulary.ON_RESTRICTION.code(r.whenRestricted()), a.contactPoint());
            }
        }

        @Override
        void document(Document d, RowSink out) {
            out.row(DOC, d.recordId(), d.number(), EuropolVocabulary.countryCode(d.country()),
                    EuropolVocabulary.DOC_KIND.code(d.type()), EuropolVocabulary.DOC_STATE.code(d.status()), d.reportedOn(),
                    d.holderRecordId(), handling(d.handlingCode()), EuropolVocabulary.countryList(d.restrictedTo()),
                    d.contactPoint());
        }

        @Override
        void vehicle(Vehicle v, RowSink out) {
            String state = v.status() == AlertCategory.WANTED_VEHICLE && v.action() == ActionToTake.REPORT
                    ? "used in crime" : EuropolVocabulary.VEH_STATE.code(v.status());
            String makeModel = v.make() == null ? v.model() : v.model() == null ? v.make() : v.make() + " " + v.model();
            out.row(VEH, v.recordId(), v.plate(), v.country() == null ? null : EuropolVocabulary.countryCode(v.country()),
                    v.vin(), makeModel, state, v.reportedOn(), v.linkedPersonRecordId(), handling(v.handlingCode()),
                    EuropolVocabulary.countryList(v.restrictedTo()), v.contactPoint());
        }

        private static String handling(String code) {
            String c = code == null ? "H0" : code;
            if (!EuropolVocabulary.HANDLING_CODES.contains(c)) {
                throw new IllegalArgumentException("Europol handling codes are H0..H3");
            }
            return c;
        }
    }

    // ------------------------------------------------------------------ AMERIPOL

    static final class Ameripol extends SourceWriter {
        static final Table PERSONA = new Table("persona", QueryKind.PERSON, List.of("id_persona", "nombres",
                "primer_apellido", "segundo_apellido", "fecha_nacimiento", "anio_nacimiento", "sexo", "nacionalidad"));
        static final Table ALIAS = new Table("persona_alias", QueryKind.PERSON, List.of("id_persona", "nombre_completo"));
        static final Table ALERTA = new Table("alerta", QueryKind.PERSON, List.of("id_alerta", "id_persona", "tipo",
                "accion", "advertencias", "fecha_emision", "paises_autorizados", "nivel_acceso", "si_restringido",
                "punto_contacto"));
        static final Table DOC = new Table("documento_viaje", QueryKind.DOCUMENT, List.of("id_documento", "numero",
                "pais_emisor", "tipo", "estado", "fecha_denuncia", "id_titular", "paises_autorizados", "punto_contacto"));
        static final Table VEH = new Table("vehiculo", QueryKind.VEHICLE, List.of("id_vehiculo", "placa",
                "pais_matricula", "numero_vin", "marca", "modelo", "estado", "fecha_denuncia", "paises_autorizados",
                "punto_contacto"));

        @Override
        List<Table> tables() {
            return List.of(PERSONA, ALIAS, NAME_KEYS, ALERTA, DOC, VEH);
        }

        @Override
        Alert normalize(Alert a) {
            noAgencies(a, "AMERIPOL");
            return new Alert(a.alertId(), AmeripolVocabulary.TIPO.value(AmeripolVocabulary.TIPO.code(a.category())),
                    AmeripolVocabulary.ACCION.value(AmeripolVocabulary.ACCION.code(a.action())),
                    AmeripolVocabulary.ADVERTENCIA.valuesOf(AmeripolVocabulary.ADVERTENCIA.codesOf(a.warnings())),
                    a.issuedOn(), withoutHandlingCode(a.restrictions()), a.contactPoint());
        }

        @Override
        DocumentType documentType(DocumentType t) {
            return AmeripolVocabulary.TIPO_DOCUMENTO.value(AmeripolVocabulary.TIPO_DOCUMENTO.code(t));
        }

        private static String[] countries(Set<String> alpha3) {
            return alpha3.isEmpty() ? null : alpha3.stream().map(AmeripolVocabulary::countryCode).sorted().toArray(String[]::new);
        }

        @Override
        void person(Person p, RowSink out) {
            Name n = p.name();
            Long id = id(p.recordId());
            String primer = n.family() != null ? n.family() : sole(n);
            String segundo = n.family() != null ? n.family2() : null;
            String nombres = n.family() != null && n.givenNames() != null ? n.givenNames() : "";
            out.row(PERSONA, id, nombres, primer, segundo, AmeripolVocabulary.fechaNacimiento(p.dateOfBirth()),
                    AmeripolVocabulary.anioNacimiento(p.dateOfBirth()), AmeripolVocabulary.SEXO.code(p.sex()),
                    p.nationality() == null ? null : AmeripolVocabulary.countryCode(p.nationality()));
            for (Name a : p.aliases()) {
                out.row(ALIAS, id, a.natural());
            }
            nameKeys(id, p.dateOfBirth(), out, names(nombres + " " + primer + (segundo == null ? "" : " " + segundo), p.aliases(),
                    Name::natural));
            for (Alert a : p.alerts()) {
                HandlingRestrictions r = a.restrictions();
                out.row(ALERTA, id(a.alertId()), id, AmeripolVocabulary.TIPO.code(a.category()),
                        AmeripolVocabulary.ACCION.code(a.action()), array(AmeripolVocabulary.ADVERTENCIA.codesOf(a.warnings())),
                        a.issuedOn(), countries(r.countries()), AmeripolVocabulary.NIVEL_ACCESO.code(r.minimumClearance()),
                        AmeripolVocabulary.SI_RESTRINGIDO.code(r.whenRestricted()), a.contactPoint());
            }
        }

        @Override
        void document(Document d, RowSink out) {
            out.row(DOC, id(d.recordId()), d.number(), AmeripolVocabulary.countryCode(d.country()),
                    AmeripolVocabulary.TIPO_DOCUMENTO.code(d.type()), AmeripolVocabulary.ESTADO_DOCUMENTO.code(d.status()),
                    d.reportedOn(), d.holderRecordId() == null ? null : id(d.holderRecordId()), countries(d.restrictedTo()),
                    d.contactPoint());
        }

        @Override
        void vehicle(Vehicle v, RowSink out) {
            out.row(VEH, id(v.recordId()), v.plate(), v.country() == null ? null : AmeripolVocabulary.countryCode(v.country()),
                    v.vin(), v.make(), v.model(), AmeripolVocabulary.ESTADO_VEHICULO.code(v.status()), v.reportedOn(),
                    countries(v.restrictedTo()), v.contactPoint());
        }
    }

    // ------------------------------------------------------------------ ASEANAPOL

    static final class Aseanapol extends SourceWriter {
        static final Table SUBJECT = new Table("subject", QueryKind.PERSON, List.of("subject_no", "full_name", "dob",
                "sex", "citizenship_icao"));
        static final Table AKA = new Table("subject_aka", QueryKind.PERSON, List.of("subject_no", "aka_name"));
        static final Table ENTRY = new Table("watchlist_entry", QueryKind.PERSON, List.of("entry_id", "subject_no",
                "entry_type", "response_code", "safety_flags", "date_listed", "dissemination", "member_states",
                "classification", "contact_only_when_restricted", "originating_ncb"));
        static final Table DOC = new Table("travel_document", QueryKind.DOCUMENT, List.of("td_id", "td_number",
                "issuer_icao", "td_type", "td_status", "status_date", "holder_subject_no", "member_states", "originating_ncb"));
        static final Table CONVEYANCE = new Table("conveyance", QueryKind.VEHICLE, List.of("conveyance_id", "reg_no",
                "reg_icao", "chassis_no", "description", "conveyance_status", "status_date", "member_states",
                "originating_ncb"));

        @Override
        List<Table> tables() {
            return List.of(SUBJECT, AKA, NAME_KEYS, ENTRY, DOC, CONVEYANCE);
        }

        @Override
        Alert normalize(Alert a) {
            noAgencies(a, "ASEANAPOL");
            return new Alert(a.alertId(), AseanapolVocabulary.ENTRY_TYPE.value(AseanapolVocabulary.ENTRY_TYPE.code(a.category())),
                    AseanapolVocabulary.RESPONSE_CODE.value(AseanapolVocabulary.RESPONSE_CODE.code(a.action())),
                    AseanapolVocabulary.SAFETY_FLAG.valuesOf(AseanapolVocabulary.SAFETY_FLAG.codesOf(a.warnings())),
                    a.issuedOn(), withoutHandlingCode(a.restrictions()), a.contactPoint());
        }

        @Override
        DocumentType documentType(DocumentType t) {
            return AseanapolVocabulary.TD_TYPE.value(AseanapolVocabulary.TD_TYPE.code(t));
        }

        @Override
        void person(Person p, RowSink out) {
            out.row(SUBJECT, p.recordId(), p.name().natural(), AseanapolVocabulary.dob(p.dateOfBirth()),
                    AseanapolVocabulary.SEX.code(p.sex()),
                    p.nationality() == null ? null : AseanapolVocabulary.countryCode(p.nationality()));
            for (Name a : p.aliases()) {
                out.row(AKA, p.recordId(), a.natural());
            }
            nameKeys(p.recordId(), p.dateOfBirth(), out, names(p.name().natural(), p.aliases(), Name::natural));
            for (Alert a : p.alerts()) {
                HandlingRestrictions r = a.restrictions();
                boolean listed = !r.countries().isEmpty();
                out.row(ENTRY, id(a.alertId()), p.recordId(), AseanapolVocabulary.ENTRY_TYPE.code(a.category()),
                        AseanapolVocabulary.RESPONSE_CODE.code(a.action()), AseanapolVocabulary.safetyFlagsText(a.warnings()),
                        a.issuedOn(), listed ? AseanapolVocabulary.LISTED_MEMBERS : AseanapolVocabulary.ALL_MEMBERS,
                        AseanapolVocabulary.countryList(r.countries()),
                        AseanapolVocabulary.CLASSIFICATION.code(r.minimumClearance()),
                        r.whenRestricted() == WhenRestricted.CONTACT_ONLY, a.contactPoint());
            }
        }

        @Override
        void document(Document d, RowSink out) {
            out.row(DOC, id(d.recordId()), d.number(), AseanapolVocabulary.countryCode(d.country()),
                    AseanapolVocabulary.TD_TYPE.code(d.type()), AseanapolVocabulary.TD_STATUS.code(d.status()),
                    d.reportedOn(), d.holderRecordId(), AseanapolVocabulary.countryList(d.restrictedTo()), d.contactPoint());
        }

        @Override
        void vehicle(Vehicle v, RowSink out) {
            out.row(CONVEYANCE, id(v.recordId()), v.plate(),
                    v.country() == null ? null : AseanapolVocabulary.countryCode(v.country()), v.vin(), v.description(),
                    AseanapolVocabulary.CONVEYANCE_STATUS.code(v.status()), v.reportedOn(),
                    AseanapolVocabulary.countryList(v.restrictedTo()), v.contactPoint());
        }
    }

    // ------------------------------------------------------------------ GCCPOL

    static final class Gccpol extends SourceWriter {
        static final Table INDIVIDUAL = new Table("gcc_individual", QueryKind.PERSON, List.of("individual_id",
                "first_name", "father_name", "grandfather_name", "family_name", "name_ar", "birth_date", "gender",
                "nationality"));
        static final Table ALIAS = new Table("gcc_individual_alias", QueryKind.PERSON, List.of("individual_id", "alias_name"));
        static final Table CIRCULAR = new Table("gcc_circular", QueryKind.PERSON, List.of("circular_no", "individual_id",
                "circular_type", "instruction", "hazards", "issued_at", "shared_with", "clearance", "when_restricted",
                "issuing_authority"));
        static final Table DOC = new Table("gcc_document", QueryKind.DOCUMENT, List.of("document_id", "document_no",
                "issuing_state", "document_kind", "document_status", "status_date", "individual_id", "shared_with",
                "issuing_authority"));
        static final Table VEH = new Table("gcc_vehicle", QueryKind.VEHICLE, List.of("vehicle_id", "plate_no",
                "plate_state", "vin", "make", "vehicle_status", "status_date", "shared_with", "issuing_authority"));

        @Override
        List<Table> tables() {
            return List.of(INDIVIDUAL, ALIAS, NAME_KEYS, CIRCULAR, DOC, VEH);
        }

        @Override
        Alert normalize(Alert a) {
            noAgencies(a, "GCCPOL");
            return new Alert(a.alertId(), GccpolVocabulary.CIRCULAR_TYPE.value(GccpolVocabulary.CIRCULAR_TYPE.code(a.category())),
                    GccpolVocabulary.INSTRUCTION.value(GccpolVocabulary.INSTRUCTION.code(a.action())),
                    GccpolVocabulary.HAZARD.valuesOf(GccpolVocabulary.HAZARD.codesOf(a.warnings())), a.issuedOn(),
                    withoutHandlingCode(a.restrictions()), a.contactPoint());
        }

        @Override
        DocumentType documentType(DocumentType t) {
            return GccpolVocabulary.DOCUMENT_KIND.value(GccpolVocabulary.DOCUMENT_KIND.code(t));
        }

        @Override
        void person(Person p, RowSink out) {
            Name n = p.name();
            Long id = id(p.recordId());
            String first;
            String father = null;
            String grandfather = null;
            String family;
            if (n.ancestral()) {
                first = n.given();
                father = n.middle().size() > 0 ? n.middle().get(0) : null;
                grandfather = n.middle().size() > 1 ? n.middle().get(1) : null;
                family = n.familyNames();
            } else {
                first = n.givenNames() != null ? n.givenNames() : sole(n);
                family = n.givenNames() != null ? n.familyNames() : null;
            }
            out.row(INDIVIDUAL, id, first == null ? sole(n) : first, father, grandfather, family, p.nameInScript(),
                    GccpolVocabulary.birthDate(p.dateOfBirth()), GccpolVocabulary.genderCode(p.sex()),
                    p.nationality() == null ? null : GccpolVocabulary.countryCode(p.nationality()));
            for (Name a : p.aliases()) {
                out.row(ALIAS, id, a.natural());
            }
            List<String> keyed = names(org.frontline.source.SqlSupport.joinNames(first == null ? sole(n) : first, father, grandfather, family),
                    p.aliases(), Name::natural);
            keyed.add(p.nameInScript());
            nameKeys(id, p.dateOfBirth(), out, keyed);
            for (Alert a : p.alerts()) {
                HandlingRestrictions r = a.restrictions();
                out.row(CIRCULAR, a.alertId(), id, GccpolVocabulary.CIRCULAR_TYPE.code(a.category()),
                        GccpolVocabulary.INSTRUCTION.code(a.action()), array(GccpolVocabulary.HAZARD.codesOf(a.warnings())),
                        a.issuedOn(), array(GccpolVocabulary.countryCodes(r.countries())),
                        GccpolVocabulary.CLEARANCE.code(r.minimumClearance()),
                        GccpolVocabulary.WHEN_RESTRICTED.code(r.whenRestricted()), a.contactPoint());
            }
        }

        @Override
        void document(Document d, RowSink out) {
            out.row(DOC, id(d.recordId()), d.number(), GccpolVocabulary.countryCode(d.country()),
                    GccpolVocabulary.DOCUMENT_KIND.code(d.type()), GccpolVocabulary.DOCUMENT_STATUS.code(d.status()),
                    d.reportedOn(), d.holderRecordId() == null ? null : id(d.holderRecordId()),
                    array(GccpolVocabulary.countryCodes(d.restrictedTo())), d.contactPoint());
        }

        @Override
        void vehicle(Vehicle v, RowSink out) {
            out.row(VEH, id(v.recordId()), v.plate(), v.country() == null ? null : GccpolVocabulary.countryCode(v.country()),
                    v.vin(), v.make(), GccpolVocabulary.VEHICLE_STATUS.code(v.status()), v.reportedOn(),
                    array(GccpolVocabulary.countryCodes(v.restrictedTo())), v.contactPoint());
        }
    }

    static Clearance clearanceOrDefault(Clearance c) {
        return c == null ? Clearance.UNCLASSIFIED : c;
    }
}
