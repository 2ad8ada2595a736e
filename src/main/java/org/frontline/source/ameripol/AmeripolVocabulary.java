package org.frontline.source.ameripol;

import org.frontline.model.ActionToTake;
import org.frontline.model.AlertCategory;
import org.frontline.model.Clearance;
import org.frontline.model.DocumentType;
import org.frontline.model.PartialDate;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;
import org.frontline.model.WhenRestricted;
import org.frontline.source.Codebook;
import org.frontline.source.CountryForm;
import org.frontline.source.VisibleTo;
import org.frontline.source.SqlSupport;

import java.time.LocalDate;
import java.util.List;

/**
 * The AMERIPOL schema's vocabulary (Spanish) against the common model, both ways. Names are
 * nombres + primer_apellido + segundo_apellido; dates of birth a DATE or, when only the year is
 * known, anio_nacimiento; countries ISO alpha-3. Both ROBADO (robbery) and HURTADO (theft) read as
 * a stolen vehicle; a stolen vehicle is written ROBADO.
 */
public final class AmeripolVocabulary {

    public static final Codebook<AlertCategory> TIPO = Codebook.of("tipo de alerta", AlertCategory.class)
            .both(AlertCategory.WANTED_FOR_ARREST, "ORDEN_CAPTURA")
            .both(AlertCategory.MISSING_PERSON, "PERSONA_DESAPARECIDA")
            .both(AlertCategory.DISCREET_CHECK, "VIGILANCIA_DISCRETA")
            .both(AlertCategory.SPECIFIC_CHECK, "CONTROL_ESPECIFICO")
            .both(AlertCategory.DANGEROUS_PERSON, "ADVERTENCIA")
            .write(AlertCategory.INFORMATION, "ADVERTENCIA")
            .write(AlertCategory.TRAVEL_BAN, "CONTROL_ESPECIFICO")
            .build();

    public static final Codebook<ActionToTake> ACCION = Codebook.of("accion", ActionToTake.class)
            .both(ActionToTake.ARREST, "DETENER")
            .both(ActionToTake.LOCATE, "UBICAR")
            .both(ActionToTake.DISCREET_CHECK, "CONTROL_DISCRETO")
            .both(ActionToTake.REPORT, "INFORMAR")
            .both(ActionToTake.NO_ACTION, "NINGUNA")
            .write(ActionToTake.PREVENT_TRAVEL, "INFORMAR")
            .write(ActionToTake.SEIZE, "INFORMAR")
            .build();

    /** Elements of alerta.advertencias (TEXT[]). */
    public static final Codebook<SafetyWarning> ADVERTENCIA = Codebook.of("advertencia", SafetyWarning.class)
            .both(SafetyWarning.ARMED, "ARMADO")
            .both(SafetyWarning.VIOLENT, "VIOLENTO")
            .both(SafetyWarning.ESCAPE_RISK, "RIESGO_FUGA")
            .both(SafetyWarning.SELF_HARM, "AUTOLESION")
            .build();

    public static final Codebook<Clearance> NIVEL_ACCESO = Codebook.of("nivel de acceso", Clearance.class)
            .both(Clearance.UNCLASSIFIED, "PUBLICO")
            .both(Clearance.RESTRICTED, "RESERVADO")
            .both(Clearance.CONFIDENTIAL, "CONFIDENCIAL")
            .both(Clearance.SECRET, "SECRETO")
            .build();

    public static final Codebook<WhenRestricted> SI_RESTRINGIDO = Codebook.of("si restringido", WhenRestricted.class)
            .both(WhenRestricted.HIDE, "OCULTAR")
            .both(WhenRestricted.CONTACT_ONLY, "SOLO_CONTACTO")
            .build();

    public static final Codebook<DocumentType> TIPO_DOCUMENTO = Codebook.of("tipo de documento", DocumentType.class)
            .both(DocumentType.PASSPORT, "PASAPORTE")
            .both(DocumentType.ID_CARD, "CEDULA")
            .both(DocumentType.VISA, "VISA")
            .both(DocumentType.TRAVEL_DOCUMENT, "DOCUMENTO_VIAJE")
            .write(DocumentType.RESIDENCE_PERMIT, "DOCUMENTO_VIAJE")
            .build();

    public static final Codebook<AlertCategory> ESTADO_DOCUMENTO = Codebook.of("estado de documento", AlertCategory.class)
            .both(AlertCategory.STOLEN_DOCUMENT, "HURTADO")
            .both(AlertCategory.LOST_DOCUMENT, "EXTRAVIADO")
            .both(AlertCategory.REVOKED_DOCUMENT, "ANULADO")
            .build();

    public static final Codebook<AlertCategory> ESTADO_VEHICULO = Codebook.of("estado de vehiculo", AlertCategory.class)
            .both(AlertCategory.STOLEN_VEHICLE, "ROBADO")
            .read("HURTADO", AlertCategory.STOLEN_VEHICLE)
            .both(AlertCategory.WANTED_VEHICLE, "BUSCADO")
            .build();

    public static final Codebook<Sex> SEXO = Codebook.of("sexo", Sex.class)
            .both(Sex.MALE, "M").both(Sex.FEMALE, "F").both(Sex.UNKNOWN, "X")
            .build();

    private AmeripolVocabulary() {
    }

    public static ActionToTake documentAction(AlertCategory status) {
        return status == AlertCategory.LOST_DOCUMENT ? ActionToTake.REPORT : ActionToTake.SEIZE;
    }

    public static ActionToTake vehicleAction(String estado) {
        return ActionToTake.SEIZE;
    }

    /** Countries are ISO alpha-3, as in the common model. */
    public static final CountryForm COUNTRY = CountryForm.ALPHA3;

    public static String countryCode(String alpha3) {
        return COUNTRY.code(alpha3);
    }

    /** Read path: the source's code to alpha-3; a code we do not know is kept as stored. Never throws. */
    public static String country(String code) {
        return COUNTRY.read(code);
    }

    /**
     * {@code paises_autorizados} (CHAR(3)[], on alerts, documents and vehicles): NULL is every member
     * country, as the schema documents; otherwise only the countries listed. An entry we cannot read
     * (unknown, blank, NULL, or a code that names no state), or an empty array, which the schema does
     * not document, restricts to nobody ({@link VisibleTo}). The schema names no owner country.
     * Never throws.
     */
    public static VisibleTo paisesAutorizados(List<String> codesOrNull) {
        return codesOrNull == null ? VisibleTo.EVERYONE : COUNTRY.readList(codesOrNull);
    }

    /** persona.fecha_nacimiento: the date when known to the day, else null. */
    public static LocalDate fechaNacimiento(PartialDate dob) {
        return dob != null && dob.isFullDate() ? LocalDate.of(dob.year(), dob.month(), dob.day()) : null;
    }

    /** persona.anio_nacimiento: the year when only the year is known, else null. */
    public static Short anioNacimiento(PartialDate dob) {
        return dob != null && !dob.isFullDate() ? (short) dob.year() : null;
    }

    public static PartialDate dateOfBirth(LocalDate fechaNacimiento, Integer anioNacimiento) {
        if (fechaNacimiento != null) {
            return PartialDate.of(fechaNacimiento);
        }
        return anioNacimiento == null ? null : PartialDate.ofYear(anioNacimiento);
    }

    /** The family name as one string: "primer segundo", or "primer" (parts trimmed, blank ones skipped). */
    public static String familyName(String primerApellido, String segundoApellido) {
        return SqlSupport.joinNames(primerApellido, segundoApellido);
    }
}
