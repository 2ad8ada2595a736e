package org.frontline.source.aimc;

import io.vertx.mutiny.sqlclient.Tuple;
import org.frontline.match.NameKeys;
import org.frontline.match.PersonNameMatcher;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MariaDB person statement is built per question (a branch per key, MariaDB having no LATERAL): its
 * placeholders and its arguments agree for names of one to five parts, with and without a year, and the
 * pg_trgm similarity the ranking uses is pg_trgm's.
 */
class AimcPersonStatementTest {

    static final PersonNameMatcher MATCHER = PersonNameMatcher.create();

    @Test
    void placeholdersAndArgumentsAgree() {
        for (String name : List.of("Li", "Ali Hassan", "Mohammed bin Salem Al Rashid", "Zubaida Qarqashawi", "Jo Ng",
                "Abd al-Rahman ibn Khalid ibn Walid al-Makhzumi")) {
            for (Integer year : new Integer[] {null, 1980}) {
                String key = MATCHER.searchKey(name);
                Tuple args = Tuple.tuple();
                String sql = AimcConnector.keyRowsStatement(NameKeys.forSearch(key), key, year, args);
                long placeholders = sql.chars().filter(c -> c == '?').count();
                assertEquals(placeholders, args.size(), name + " / " + year + ": " + sql);
                assertTrue(sql.contains("key_kind = 'r'"), "the clerk's raw names are always asked");
                assertEquals(year != null, sql.contains("born IN (?, ?, ?)"), name + " / " + year);
            }
        }
    }

    @Test
    void trigramSimilarityIsPgTrgms() {
        // values PostgreSQL 15's pg_trgm gives: similarity('word', 'two words') = 4/11, identical 1, disjoint 0
        assertEquals(4.0 / 11, Trigrams.similarity("word", "two words"), 1e-9);
        assertEquals(1.0, Trigrams.similarity("mohammed al rashid", "Mohammed  Al-Rashid"), 1e-9);
        assertEquals(0.0, Trigrams.similarity("abc", "xyz"), 1e-9);
        assertEquals(0.0, Trigrams.similarity("", "xyz"), 1e-9);
    }
}
