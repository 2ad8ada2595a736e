package org.frontline.cache;

import org.frontline.model.QueryKind;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generations only grow, a bump is always a value not handed out before, and kinds move apart. */
class GenerationsTest {

    private final Generations generations = new Generations(
            Map.of("interpol", EnumSet.allOf(QueryKind.class), "europol", EnumSet.of(QueryKind.PERSON)), 1_000);

    @Test
    void bumpMovesOnlyItsSourceAndKind() {
        long before = generations.current("interpol", QueryKind.PERSON);
        long bumped = generations.bump("interpol", QueryKind.PERSON, 1_000);
        assertTrue(bumped > before);
        assertEquals(bumped, generations.current("interpol", QueryKind.PERSON));
        assertEquals(1_000, generations.current("interpol", QueryKind.DOCUMENT));
        assertEquals(1_000, generations.current("europol", QueryKind.PERSON));
    }

    @Test
    void bumpsInTheSameMillisecondStillDiffer() {
        long first = generations.bump("interpol", QueryKind.VEHICLE, 5_000);
        long second = generations.bump("interpol", QueryKind.VEHICLE, 5_000);
        assertEquals(5_000, first);
        assertNotEquals(first, second);
        assertTrue(second > first);
    }

    @Test
    void valuesSeenElsewhereAreTakenOnlyWhenNewer() {
        String name = Generations.name("interpol", QueryKind.DOCUMENT);
        assertTrue(generations.advance(name, 7_000));
        assertFalse(generations.advance(name, 6_000));
        assertEquals(7_000, generations.current("interpol", QueryKind.DOCUMENT));
        assertFalse(generations.advance("unknown|PERSON", 9_000));
    }

    @Test
    void unknownSourceHasNoGeneration() {
        assertEquals(0, generations.current("gccpol", QueryKind.PERSON));
        assertEquals(0, generations.bump("gccpol", QueryKind.PERSON, 10));
    }
}
