package org.frontline.source;

import org.frontline.match.NameKeys;
import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.DocumentType;
import org.frontline.model.HandlingRestrictions;
import org.frontline.model.PartialDate;
import org.frontline.model.QueryKind;
import org.frontline.model.SafetyWarning;
import org.frontline.source.Entries.Document;
import org.frontline.source.Entries.Name;
import org.frontline.source.Entries.Person;
import org.frontline.source.Entries.Vehicle;

import java.util.List;

/**
 * Writes entries as rows of one source schema: name layout, date format, country code form and
 * vocabulary, all through that source's Vocabulary class. Rows go to a {@link RowSink}, table by
 * table in the order of {@link #tables()} (parents first), which is the order they must be loaded in.
 * One subclass per schema, beside its connector ({@code source/<schema>/<Schema>Writer}); the tooling
 * (org.frontline.sourcedata) asks {@link SourceSchema#writer()} for it.
 */
public abstract class SourceWriter {

    /** A table and the columns the writer fills, in row order. */
    public record Table(String name, QueryKind kind, List<String> columns) {
        public String copySql() {
            return "COPY " + name + " (" + String.join(", ", columns) + ") FROM STDIN";
        }
    }

    public interface RowSink {
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
    public static final Table NAME_KEYS = new Table("frontline_name_key", QueryKind.PERSON,
            List.of("record_ref", "key_kind", "key", "born"));

    /** The setting that tells the source's triggers that the tooling writes the name keys itself. */
    public static final String KEYS_WRITTEN = "SET LOCAL frontline.name_keys = 'written'";

    /**
     * Recounts how common each name key is (frontline_name_frequency, db/sources/common/V4__name_frequencies.sql)
     * in one set-based statement: run after a bulk load, which COPYs the keys with the table's triggers off.
     */
    public static final String COUNT_NAME_KEYS = "SELECT frontline_name_frequency_rebuild()";

    /**
     * The keys of a person's names, each with the year of birth the source holds for the person
     * ({@code born}, db/sources/&lt;schema&gt;/V6__name_key_birth_year.sql; null when it holds none): the
     * year the schema's frontline_birth_year reads back from what the writer wrote, which
     * NameKeyBirthYearTest checks for every schema.
     */
    protected static void nameKeys(Object recordRef, PartialDate dateOfBirth, RowSink out, List<String> names) {
        if (!out.wants(NAME_KEYS)) {
            return;
        }
        Integer born = dateOfBirth == null ? null : dateOfBirth.year();
        for (NameKeys.Key k : NameKeys.of(names)) {
            out.row(NAME_KEYS, recordRef, k.kind(), k.text(), born);
        }
    }

    protected static List<String> names(String name, List<Name> aliases, java.util.function.Function<Name, String> layout) {
        List<String> out = new java.util.ArrayList<>(1 + aliases.size());
        out.add(name);
        aliases.forEach(a -> out.add(layout.apply(a)));
        return out;
    }

    protected static String givenFirst(Name n) {
        String given = givenIfFamily(n);
        String sole = sole(n);
        return given == null || given.isBlank() ? sole : given + " " + sole;
    }

    public abstract List<Table> tables();

    // ------------------------------------------------------------------ the record ids and fields it keeps

    /** Whether this schema's record ids of that kind are numbers (its key is a bigint); else text. */
    public boolean numericRecordIds(QueryKind kind) {
        return true;
    }

    /** Whether its alert ids are numbers; else text (INTERPOL's "A-123/4-2020", GCCPOL's "GCC/2020/000123"). */
    public boolean numericAlertIds() {
        return true;
    }

    /** Whether it keys documents by issuing country and number, with no record id of their own (INTERPOL's SLTD). */
    public boolean documentsKeyedByNumber() {
        return false;
    }

    /** Whether it keeps handling codes (H0..H3) on documents and vehicles. */
    public boolean handlingCodes() {
        return false;
    }

    /** Whether a vehicle record may name a linked person. */
    public boolean vehiclesLinkPersons() {
        return false;
    }

    /** The alert as it reads back from this source (categories, actions, warnings it can express). */
    public abstract Alert normalize(Alert alert);

    /** The document type as it reads back from this source. */
    public abstract DocumentType documentType(DocumentType type);

    public abstract void person(Person p, RowSink out);

    public abstract void document(Document d, RowSink out);

    public abstract void vehicle(Vehicle v, RowSink out);

    protected static Long id(String recordId) {
        try {
            return Long.parseLong(recordId);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("this source's record ids are numbers");
        }
    }

    protected static String sole(Name n) {
        String f = n.familyNames();
        return f == null ? (n.givenNames() == null ? "" : n.givenNames()) : f;
    }

    protected static String givenIfFamily(Name n) {
        return n.familyNames() == null ? null : n.givenNames();
    }

    protected static void noAgencies(Alert a, String source) {
        if (!a.restrictions().agencies().isEmpty()) {
            throw new IllegalArgumentException(source + " cannot restrict an alert to agencies");
        }
    }

    /**
     * The alert as it reads back from a source that has no handling codes and cannot restrict to agencies:
     * its category, action and warnings through the source's codebooks, the handling code dropped.
     */
    protected static Alert readBack(Alert a, String source, Codebook<AlertCategory> categories,
                                    Codebook<ActionToTake> actions, Codebook<SafetyWarning> warnings) {
        noAgencies(a, source);
        return new Alert(a.alertId(), categories.readBack(a.category()), actions.readBack(a.action()),
                warnings.readBackAll(a.warnings()), a.issuedOn(), withoutHandlingCode(a.restrictions()), a.contactPoint());
    }

    protected static HandlingRestrictions withoutHandlingCode(HandlingRestrictions r) {
        return new HandlingRestrictions(r.countries(), r.agencies(), r.minimumClearance(), null, r.whenRestricted());
    }

    protected static String[] array(List<String> values) {
        return values == null ? null : values.toArray(new String[0]);
    }
}
