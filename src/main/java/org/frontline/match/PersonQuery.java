package org.frontline.match;

import org.frontline.model.PartialDate;
import org.frontline.model.Sex;

/**
 * What an officer knows about the person they ask about.
 *
 * @param name        the whole name as typed or read from a document, any script, any order
 * @param dateOfBirth full or year-only; null when unknown
 * @param nationality ISO 3166-1 alpha-3 (or ICAO code); null when unknown
 * @param sex         null or UNKNOWN when unknown
 */
public record PersonQuery(String name, PartialDate dateOfBirth, String nationality, Sex sex) {

    public PersonQuery {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a person query needs a name");
        }
    }

    public static PersonQuery ofName(String name) {
        return new PersonQuery(name, null, null, null);
    }
}
