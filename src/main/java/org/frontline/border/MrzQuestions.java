package org.frontline.border;

import org.frontline.model.Countries;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentType;
import org.frontline.model.PersonQuery;
import org.frontline.model.Sex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The two questions one zone asks: is this document known (number, issuing state, type), and is its
 * holder known (name, date of birth, nationality, sex). Either may be unaskable while the other is
 * asked; the reason then says why.
 *
 * <p>Country codes go through {@link Countries}, like every other query's: ICAO codes ({@code D},
 * {@code GBD}, {@code XXA}...) map as they map everywhere. A code the service does not know (the
 * specimen state {@code UTO}, a misprint) is never guessed at: as the issuer it leaves the document
 * question unasked (documents are recorded by issuer and number, and a number alone could find
 * another state's document), as the nationality it is left out of the person question, which
 * weighs the other evidence; the answer says so, and an unasked part keeps the answer from being
 * a NO_HIT. The type is read from the document code where it is unambiguous: {@code P} a passport,
 * {@code V} a visa. Cards ({@code I}, {@code A}, {@code C}) are identity cards, residence permits
 * and crew cards alike, so they are asked for as any type rather than missed under the wrong one.
 *
 * @param documentNotAsked why the document question is not asked, else null
 * @param personNotAsked   why the person question is not asked, else null
 * @param warnings         what the zone itself says about the document: a failed check digit
 *                         (when the caller accepted it), an expiry in the past, a code not known
 */
public record MrzQuestions(Mrz mrz, DocumentQuery document, String documentNotAsked, PersonQuery person,
                           String personNotAsked, List<String> warnings) {

    /** The warning an answer carries when a check digit failed and the search ran anyway. */
    public static final String CHECK_DIGIT_FAILED = "check digit failed: misread or altered document";

    public MrzQuestions {
        warnings = List.copyOf(warnings);
    }

    public static MrzQuestions of(Mrz mrz, LocalDate today) {
        List<String> warnings = new ArrayList<>();
        if (!mrz.failedChecks().isEmpty()) {
            warnings.add(CHECK_DIGIT_FAILED);
        }
        if (mrz.expiredOn(today)) {
            warnings.add("document expired on " + mrz.dateOfExpiry() + " (per its MRZ)");
        }

        DocumentQuery document = null;
        String documentNotAsked = null;
        String number = mrz.documentNumber().replace("<", "");
        String issuer = Countries.canonical(mrz.issuer());
        if (number.isEmpty()) {
            documentNotAsked = "the zone carries no document number";
        } else if (number.length() > 20) {
            documentNotAsked = "the document number is longer than 20 characters, more than any source records";
        } else if (issuer == null) {
            documentNotAsked = "the issuing state's code is not one this service knows, and a number alone could find"
                    + " another state's document: ask /v1/search/document with the issuing country";
        } else {
            document = new DocumentQuery(number, issuer, documentType(mrz.documentCode()));
        }
        if (documentNotAsked != null) {
            warnings.add("document not searched: " + documentNotAsked);
        }

        PersonQuery person = null;
        String personNotAsked = null;
        String name = mrz.holderName();
        if (name.codePoints().filter(Character::isLetter).count() < 2) {
            personNotAsked = "the zone carries no name of at least two letters";
            warnings.add("holder not searched: " + personNotAsked);
        } else {
            String nationality = Countries.canonical(mrz.nationality());
            if (nationality == null) {
                warnings.add("the nationality's code is not one this service knows: the holder was searched without it");
            }
            Sex sex = mrz.sex() == Sex.MALE || mrz.sex() == Sex.FEMALE ? mrz.sex() : null;
            person = new PersonQuery(name, mrz.dateOfBirth(), nationality, sex);
        }
        return new MrzQuestions(mrz, document, documentNotAsked, person, personNotAsked, warnings);
    }

    /** P: passport, V: visa; the cards (I, A, C) and anything else: any type. */
    static DocumentType documentType(String documentCode) {
        return switch (documentCode.charAt(0)) {
            case 'P' -> DocumentType.PASSPORT;
            case 'V' -> DocumentType.VISA;
            default -> null;
        };
    }
}
