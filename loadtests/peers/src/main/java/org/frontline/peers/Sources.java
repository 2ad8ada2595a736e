package org.frontline.peers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The five sources and the document look-up each one answers, in its own schema and country form.
 *
 * <p>Each SQL text is a copy of the DOCUMENTS constant of the source's connector in the service,
 * src/main/java/org/frontline/source/&lt;schema&gt;/&lt;Schema&gt;Connector.java (this module cannot depend on
 * the service), the same table, columns and order, with two differences: $1 is one issuing country in
 * the source's form (the connector's {@code <Schema>Vocabulary.COUNTRY}, a {@code CountryForm}) where
 * the connector asks {@code = ANY($1)} with every form the source might hold; and $2, the document number,
 * is compared as stored where the connector compares both sides normalised (letters and digits, upper
 * case; V5 of each schema). The service's test PeersDocumentSqlTest pins the copy to the connectors: it
 * fails when a connector's statement changes and this copy does not.
 */
public final class Sources {

    /** The country form a source stores, as CountryForm in the service. */
    public enum Form { ISO3, ISO2, ICAO }

    /** One source: schema (also the database suffix), its country form and its document SQL. */
    public record Source(String schema, Form form, String documentSql) {

        /** The issuing country of a query in this source's form. */
        public String country(Query q) {
            return switch (form) {
                case ISO3 -> q.iso3();
                case ISO2 -> q.iso2();
                case ICAO -> q.icao();
            };
        }

        /** The same SQL with ? placeholders, for JDBC. */
        public String jdbcSql() {
            return documentSql.replace("$1", "?").replace("$2", "?");
        }
    }

    /** InterpolConnector.DOCUMENTS; InterpolVocabulary.COUNTRY = CountryForm.ALPHA3. */
    public static final Source INTERPOL = new Source("interpol", Form.ISO3, """
            SELECT document_number, issuing_country, document_type, status, reported_on, holder_subject_id,
                   restricted_to, reporting_ncb
              FROM sltd_document WHERE issuing_country = $1 AND document_number = $2
            """);

    /** EuropolConnector.DOCUMENTS; EuropolVocabulary.COUNTRY = CountryForm.ALPHA2. */
    public static final Source EUROPOL = new Source("europol", Form.ISO2, """
            SELECT doc_ref, doc_no, doc_country_iso2, doc_kind, doc_state, reported_on, linked_person_ref,
                   handling_code, releasable_to, contact_unit
              FROM eis_object_document WHERE doc_country_iso2 = $1 AND doc_no = $2
            """);

    /** AmeripolConnector.DOCUMENTS; AmeripolVocabulary.COUNTRY = CountryForm.ALPHA3. */
    public static final Source AMERIPOL = new Source("ameripol", Form.ISO3, """
            SELECT id_documento, numero, pais_emisor, tipo, estado, fecha_denuncia, id_titular,
                   paises_autorizados, punto_contacto
              FROM documento_viaje WHERE pais_emisor = $1 AND numero = $2
            """);

    /** AseanapolConnector.DOCUMENTS; AseanapolVocabulary.COUNTRY = CountryForm.ICAO. */
    public static final Source ASEANAPOL = new Source("aseanapol", Form.ICAO, """
            SELECT td_id, td_number, issuer_icao, td_type, td_status, status_date, holder_subject_no,
                   member_states, originating_ncb
              FROM travel_document WHERE issuer_icao = $1 AND td_number = $2
            """);

    /** GccpolConnector.DOCUMENTS; GccpolVocabulary.COUNTRY = CountryForm.ALPHA2. */
    public static final Source GCCPOL = new Source("gccpol", Form.ISO2, """
            SELECT document_id, document_no, issuing_state, document_kind, document_status, status_date,
                   individual_id, shared_with, issuing_authority
              FROM gcc_document WHERE issuing_state = $1 AND document_no = $2
            """);

    public static final List<Source> ALL = List.of(INTERPOL, EUROPOL, AMERIPOL, ASEANAPOL, GCCPOL);

    /**
     * The one statement the fdw target sends, over the view documents_all that loadtests/peers/fdw.sh
     * creates: $1 number, $2 ISO alpha-3, $3 ISO alpha-2, $4 ICAO. Each branch of the view fills only
     * its own country column (the others are NULL), so each branch keeps exactly one comparison and
     * postgres_fdw pushes it down with the number (see loadtests/results/fdw-explain.txt).
     */
    public static final String FDW_SQL = """
            SELECT source, record_id, number, country, doc_type, status, status_date
              FROM documents_all
             WHERE number = $1 AND (country_iso3 = $2 OR country_iso2 = $3 OR country_icao = $4)
            """;

    /**
     * The same look-up through Trino: one catalog per source (named as the schema, see trino.sh), the
     * connectors' WHERE clauses joined by UNION ALL; parameters per branch (country, number).
     */
    public static final String TRINO_SQL = """
            SELECT 'interpol', document_number, issuing_country, document_type, status, reported_on
              FROM interpol.public.sltd_document WHERE issuing_country = CAST(? AS char(3)) AND document_number = ?
            UNION ALL
            SELECT 'europol', doc_no, doc_country_iso2, doc_kind, doc_state, reported_on
              FROM europol.public.eis_object_document WHERE doc_country_iso2 = CAST(? AS char(2)) AND doc_no = ?
            UNION ALL
            SELECT 'ameripol', numero, pais_emisor, tipo, estado, fecha_denuncia
              FROM ameripol.public.documento_viaje WHERE pais_emisor = CAST(? AS char(3)) AND numero = ?
            UNION ALL
            SELECT 'aseanapol', td_number, issuer_icao, td_type, td_status, status_date
              FROM aseanapol.public.travel_document WHERE issuer_icao = ? AND td_number = ?
            UNION ALL
            SELECT 'gccpol', document_no, issuing_state, document_kind, document_status, status_date
              FROM gccpol.public.gcc_document WHERE issuing_state = CAST(? AS char(2)) AND document_no = ?
            """;

    private static final Map<String, Source> BY_SCHEMA = new TreeMap<>();

    static {
        ALL.forEach(s -> BY_SCHEMA.put(s.schema(), s));
    }

    private Sources() {
    }

    public static Source bySchema(String schema) {
        Source s = BY_SCHEMA.get(schema == null ? "" : schema.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown schema " + schema + "; one of " + BY_SCHEMA.keySet());
        }
        return s;
    }
}
