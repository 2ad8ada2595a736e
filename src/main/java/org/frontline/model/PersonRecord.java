package org.frontline.model;

import java.util.List;

/**
 * A person as one source records them.
 *
 * @param recordId    the source's identifier
 * @param givenNames  given names as recorded (may be null when the source keeps one name field it cannot split)
 * @param familyName  family name(s) as recorded (may be null, see givenNames)
 * @param fullName    the whole name as the source displays it
 * @param aliases     other names recorded for the person, whole
 * @param dateOfBirth full or year-only, or null
 * @param sex         or UNKNOWN
 * @param nationality ISO alpha-3, or null
 * @param alerts      alerts on the person
 * @param nameStatistics how common the record's name is in its source, or null when the source did not say
 */
public record PersonRecord(String recordId, String givenNames, String familyName, String fullName,
                           List<String> aliases, PartialDate dateOfBirth, Sex sex, String nationality,
                           List<Alert> alerts, NameStatistics nameStatistics) implements SourceRecord {

    /** A record whose source says nothing of how common its name is. */
    public PersonRecord(String recordId, String givenNames, String familyName, String fullName,
                        List<String> aliases, PartialDate dateOfBirth, Sex sex, String nationality,
                        List<Alert> alerts) {
        this(recordId, givenNames, familyName, fullName, aliases, dateOfBirth, sex, nationality, alerts, null);
    }

    public PersonRecord {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        sex = sex == null ? Sex.UNKNOWN : sex;
    }

    @Override
    public QueryKind kind() {
        return QueryKind.PERSON;
    }
}
