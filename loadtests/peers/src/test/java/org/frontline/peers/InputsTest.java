package org.frontline.peers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Country forms, the query file format, the sources' parameters, the loopback rule and the phase file's JSON. */
class InputsTest {

    @Test
    void countryFormsAsTheServiceWritesThem() {
        assertEquals(new Query("P1", "DEU", "DE", "D"), QueryFile.query("P1", "DEU"));
        assertEquals(new Query("P1", "FRA", "FR", "FRA"), QueryFile.query("P1", "fra "));
        assertNull(QueryFile.query("P1", "XXA"), "no alpha-2 form: not usable for the alpha-2 sources");
    }

    @Test
    void eachSourceGetsItsOwnCountryForm() {
        Query q = new Query("P1", "DEU", "DE", "D");
        assertEquals("DEU", Sources.INTERPOL.country(q));
        assertEquals("DE", Sources.EUROPOL.country(q));
        assertEquals("DEU", Sources.AMERIPOL.country(q));
        assertEquals("D", Sources.ASEANAPOL.country(q));
        assertEquals("DE", Sources.GCCPOL.country(q));
        assertEquals(5, Sources.ALL.size());
        for (Sources.Source s : Sources.ALL) {
            assertTrue(s.documentSql().contains("= $1 AND") && s.documentSql().contains("= $2"), s.schema());
            assertEquals(2, s.jdbcSql().chars().filter(c -> c == '?').count(), s.schema());
        }
        assertEquals(10, Sources.TRINO_SQL.chars().filter(c -> c == '?').count(), "country and number per branch");
    }

    @Test
    void queryFileRoundTripsAndRejectsMalformedLines(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("q.tsv");
        Files.write(good, List.of("# comment", "P1\tDEU\tDE\tD", "", "P2\tFRA\tFR\tFRA"));
        assertEquals(List.of(new Query("P1", "DEU", "DE", "D"), new Query("P2", "FRA", "FR", "FRA")), Query.load(good));
        Path bad = dir.resolve("bad.tsv");
        Files.write(bad, List.of("P1\tDEU\tDE"));
        assertThrows(IOException.class, () -> Query.load(bad));
        Path empty = dir.resolve("empty.tsv");
        Files.write(empty, List.of("# nothing"));
        assertThrows(IOException.class, () -> Query.load(empty));
    }

    @Test
    void onlyLoopbackHostsAreAccepted() {
        Loopback.uri("http://127.0.0.1:8080/v1/ping", "t");
        Loopback.uri("postgresql://localhost:5432/db", "t");
        assertThrows(IllegalArgumentException.class, () -> Loopback.uri("http://10.1.2.3:8080/", "t"));
        assertThrows(IllegalArgumentException.class, () -> Loopback.uri("postgresql://db.example:5432/x", "t"));
        assertThrows(IllegalArgumentException.class, () -> BlockingTarget.trino("jdbc:trino://example.org:8080", 1));
    }

    @Test
    void jsonEscapesAndRoundsToMicroseconds() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", "x\"y");
        m.put("b", 1.23456);
        m.put("c", null);
        m.put("d", List.of(1, 2));
        assertEquals("{\n  \"a\": \"x\\\"y\",\n  \"b\": 1.235,\n  \"c\": null,\n  \"d\": [1, 2]\n}\n", Json.write(m));
    }

    @Test
    void phaseFileLayoutKeepsPercentilesOnOneLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("percentiles", List.of(List.of(0.0, 0.9374), List.of(99.9, 12.0715)));
        m.put("statuses", Map.of("200", 3L));
        m.put("mean_ms", Double.NaN);
        m.put("empty", Map.of());
        m.put("none", List.of());
        assertEquals("""
                {
                  "percentiles": [[0.0, 0.937], [99.9, 12.072]],
                  "statuses": {
                    "200": 3
                  },
                  "mean_ms": null,
                  "empty": {},
                  "none": []
                }
                """, Json.write(m));
        assertEquals("{\"number\":\"" + Json.escape("A\"1\\\n") + "\"}", "{\"number\":\"A\\\"1\\\\\\n\"}");
    }
}
