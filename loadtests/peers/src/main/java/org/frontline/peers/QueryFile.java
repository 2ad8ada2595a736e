package org.frontline.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a query file as at a border: mostly document numbers that exist nowhere, plus a small share
 * of real ones sampled from one source's document table (interpol's sltd_document by default: ISO
 * alpha-3 countries, converted to alpha-2 and ICAO here). The countries of the no-hit numbers follow
 * the same source's country distribution. Deterministic for a given seed and database.
 */
final class QueryFile {

    /** ISO alpha-3 to alpha-2, from the JDK's ISO 3166 tables. */
    private static final Map<String, String> ALPHA3_TO_ALPHA2 = new HashMap<>();

    static {
        for (String a2 : Locale.getISOCountries()) {
            ALPHA3_TO_ALPHA2.put(new Locale("", a2).getISO3Country(), a2);
        }
    }

    private QueryFile() {
    }

    /** The ICAO Doc 9303 form, as Countries.alpha3ToIcao in the service: DEU is written D. */
    static String icao(String alpha3) {
        return "DEU".equals(alpha3) ? "D" : alpha3;
    }

    /** A query for a number and an alpha-3 country; null when the country has no alpha-2 form. */
    static Query query(String number, String alpha3) {
        String a3 = alpha3.trim().toUpperCase(Locale.ROOT);
        String a2 = ALPHA3_TO_ALPHA2.get(a3);
        return a2 == null ? null : new Query(number, a3, a2, icao(a3));
    }

    static int write(String host, int port, String dbPrefix, int count, double hitShare, long seed, Path out)
            throws SQLException, IOException {
        Loopback.require(host, "--pg-host");
        Random random = new Random(seed);
        int hitCount = (int) Math.round(count * hitShare);
        List<Query> lines = new ArrayList<>(count);
        List<String> countries = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + dbPrefix
                + "interpol", "postgres", "")) {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT issuing_country, count(*) FROM sltd_document GROUP BY 1 ORDER BY 1");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (query("X", rs.getString(1)) != null) {
                        countries.add(rs.getString(1).trim());
                        weights.add(rs.getLong(2));
                    }
                }
            }
            if (countries.isEmpty()) {
                throw new SQLException(dbPrefix + "interpol.sltd_document has no documents");
            }
            // a deterministic sample: the rows whose hash with the seed sorts first, from a Bernoulli sample
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT document_number, issuing_country FROM sltd_document
                      TABLESAMPLE BERNOULLI (least(100, 100.0 * ? * 4 / greatest(1, (SELECT count(*) FROM sltd_document))))
                      REPEATABLE (?)
                     ORDER BY md5(document_number || ?) LIMIT ?""")) {
                st.setInt(1, Math.max(hitCount, 1));
                st.setLong(2, seed);
                st.setString(3, Long.toString(seed));
                st.setInt(4, hitCount * 2);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next() && lines.size() < hitCount) {
                        Query q = query(rs.getString(1), rs.getString(2));
                        if (q != null) {
                            lines.add(q);
                        }
                    }
                }
            }
        }
        int hits = lines.size();
        long total = weights.stream().mapToLong(Long::longValue).sum();
        String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
        while (lines.size() < count) {
            long r = (long) (random.nextDouble() * total);
            int k = 0;
            while (k < weights.size() - 1 && r >= weights.get(k)) {
                r -= weights.get(k++);
            }
            // 'Q' then 8 characters: 33^8 ~ 1.4e12 numbers, against ~1e6 documents per source
            StringBuilder number = new StringBuilder("Q");
            for (int i = 0; i < 8; i++) {
                number.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            lines.add(query(number.toString(), countries.get(k)));
        }
        Collections.shuffle(lines, random);
        List<String> tsv = new ArrayList<>(lines.size());
        lines.forEach(q -> tsv.add(q.tsv()));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, tsv, StandardCharsets.UTF_8);
        return hits;
    }
}
