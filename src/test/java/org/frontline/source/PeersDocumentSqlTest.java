package org.frontline.source;

import org.frontline.source.ameripol.AmeripolConnector;
import org.frontline.source.ameripol.AmeripolVocabulary;
import org.frontline.source.aseanapol.AseanapolConnector;
import org.frontline.source.aseanapol.AseanapolVocabulary;
import org.frontline.source.europol.EuropolConnector;
import org.frontline.source.europol.EuropolVocabulary;
import org.frontline.source.gccpol.GccpolConnector;
import org.frontline.source.gccpol.GccpolVocabulary;
import org.frontline.source.interpol.InterpolConnector;
import org.frontline.source.interpol.InterpolVocabulary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The peers load driver (loadtests/peers, a module of its own that cannot depend on the service) keeps a
 * copy of each connector's document SQL and country form in {@code Sources.java}. This test pins the
 * copy: the same table, columns and order as the connector's {@code DOCUMENTS}, with the two differences
 * the driver states (one country in the query's form, {@code = $1}, where the connector asks every form
 * the source might hold, {@code = ANY($1)}; the number compared as stored, where the connector compares it
 * normalised), and the connector's country form. A column added to a connector fails here until the copy
 * follows.
 */
class PeersDocumentSqlTest {

    static final Path PEERS_SOURCES = Path.of("loadtests/peers/src/main/java/org/frontline/peers/Sources.java");

    record Connector(String documents, CountryForm country, String numberColumn) {
    }

    static final Map<String, Connector> CONNECTORS = Map.of(
            "interpol", new Connector(InterpolConnector.DOCUMENTS, InterpolVocabulary.COUNTRY, "document_number"),
            "europol", new Connector(EuropolConnector.DOCUMENTS, EuropolVocabulary.COUNTRY, "doc_no"),
            "ameripol", new Connector(AmeripolConnector.DOCUMENTS, AmeripolVocabulary.COUNTRY, "numero"),
            "aseanapol", new Connector(AseanapolConnector.DOCUMENTS, AseanapolVocabulary.COUNTRY, "td_number"),
            "gccpol", new Connector(GccpolConnector.DOCUMENTS, GccpolVocabulary.COUNTRY, "document_no"));

    /** schema -> {form, SQL} as the peers' text blocks spell them. */
    static Map<String, String[]> peersCopies() throws IOException {
        String text = Files.readString(PEERS_SOURCES);
        Matcher m = Pattern.compile("new Source\\(\"(\\w+)\", Form\\.(\\w+), \"\"\"\\n(.*?)\"\"\"\\)", Pattern.DOTALL)
                .matcher(text);
        Map<String, String[]> copies = new HashMap<>();
        while (m.find()) {
            copies.put(m.group(1), new String[] {m.group(2), m.group(3).stripIndent()});
        }
        return copies;
    }

    @Test
    void thePeersCopyIsTheConnectorsStatement() throws IOException {
        Map<String, String[]> copies = peersCopies();
        // the peers driver speaks PostgreSQL only: AIMC (MariaDB) is not among its sources
        assertEquals(SourceSchema.ids(SourceType.POSTGRESQL).stream().sorted().toList(),
                copies.keySet().stream().sorted().toList(), "one copy per PostgreSQL schema");
        Map<CountryForm, String> forms = Map.of(CountryForm.ALPHA3, "ISO3", CountryForm.ALPHA2, "ISO2", CountryForm.ICAO, "ICAO");
        for (Map.Entry<String, Connector> e : CONNECTORS.entrySet()) {
            Connector connector = e.getValue();
            String expected = connector.documents()
                    .replace("= ANY($1)", "= $1")
                    .replace(SqlSupport.normalisedIdentifier(connector.numberColumn()), connector.numberColumn());
            String[] copy = copies.get(e.getKey());
            assertEquals(expected, copy[1], e.getKey() + ": loadtests/peers Sources." + e.getKey().toUpperCase());
            assertEquals(forms.get(connector.country()), copy[0], e.getKey() + ": its country form");
        }
    }
}
