package org.frontline.border;

import org.frontline.model.DocumentQuery;
import org.frontline.model.PersonQuery;

/**
 * The two questions one traveller of a flight manifest asks, as a scanned zone asks them: is the
 * document known (number, issuing country, type), and is its holder known (name, date of birth,
 * nationality, sex). A row may carry only one of them; the other is then not asked, and the reason
 * says why. Two travellers with equal questions (as normalised by validation) are the same question:
 * a manifest asks it once.
 *
 * @param documentNotAsked why the document question is not asked, else null
 * @param personNotAsked   why the person question is not asked, else null
 */
public record TravellerQuestions(DocumentQuery document, String documentNotAsked, PersonQuery person,
                                 String personNotAsked) {

    public static TravellerQuestions of(DocumentQuery document, PersonQuery person) {
        if (document == null && person == null) {
            throw new IllegalArgumentException("a traveller asks at least one question");
        }
        return new TravellerQuestions(document, document == null ? "the row carries no document number" : null,
                person, person == null ? "the row carries no name" : null);
    }
}
