package org.frontline.model;

/**
 * A person query as the officer asked it, validated.
 *
 * @param name        the name as typed, any script
 * @param dateOfBirth full or year-only, or null
 * @param nationality ISO alpha-3 (or ICAO code), or null
 * @param sex         or null
 */
public record PersonQuery(String name, PartialDate dateOfBirth, String nationality, Sex sex) implements SubjectQuery {

    public static PersonQuery ofName(String name) {
        return new PersonQuery(name, null, null, null);
    }

    @Override
    public QueryKind kind() {
        return QueryKind.PERSON;
    }
}
