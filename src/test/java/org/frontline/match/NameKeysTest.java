package org.frontline.match;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The part and full keys by which a scorer looks up how common a name is are the keys stored for it. */
class NameKeysTest {

    static String storedFullKey(String name) {
        return NameKeys.of(List.of(name)).stream().filter(k -> k.kind().equals(NameKeys.FULL))
                .map(k -> k.text().substring(0, k.text().indexOf(NameKeys.SEPARATOR)))
                .findFirst().orElseThrow();
    }

    @Test
    void theFullKeyIsTheStoredOne() {
        for (String name : List.of("Mohammed Al-Rashid", "Jean-Pierre Dubois", "Li Wei", "محمد الراشد", "AL RASHEED, Muhammad")) {
            assertEquals(storedFullKey(name), NameKeys.fullKey(name), name);
        }
        assertEquals(NameKeys.fullKey("Wei Li"), NameKeys.fullKey("Li Wei"), "order-free");
    }

    @Test
    void partKeysAreThePartsOfTheFullKeyInNameOrder() {
        assertEquals(List.of("jn", "pr", "dbs"), NameKeys.partKeys("Jean-Pierre Dubois"));
        for (String name : List.of("Mohammed Al-Rashid", "Abdel Rahman bin Haddad", "Юрий Щербаков")) {
            assertEquals(Set.of(NameKeys.fullKey(name).split(" ")), Set.copyOf(NameKeys.partKeys(name)), name);
        }
    }

    @Test
    void oneLetterPartsHaveKeysThoughTheyMakeNoTokenRow() {
        List<String> parts = NameKeys.partKeys("Li Wei");
        assertEquals(2, parts.size(), parts.toString());
        Set<String> tokens = NameKeys.of(List.of("Li Wei")).stream().filter(k -> k.kind().equals(NameKeys.TOKEN))
                .map(NameKeys.Key::text).collect(Collectors.toSet());
        assertEquals(Set.of(), tokens);
    }

    @Test
    void particlesAndBlankNamesMakeNoPartKeys() {
        assertEquals(NameKeys.partKeys("Mohammed Rashid"), NameKeys.partKeys("Mohammed al Rashid"));
        assertEquals(NameKeys.partKeys("Ludwig Beethoven"), NameKeys.partKeys("Ludwig van Beethoven"));
        assertEquals(List.of(), NameKeys.partKeys(null));
        assertEquals("", NameKeys.fullKey(" "));
    }
}
