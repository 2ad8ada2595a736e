package org.frontline.sourcedata;

import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.SourceRecord;
import org.frontline.model.VehicleRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator on its own: deterministic, varied, with valid VINs and unique document numbers. */
class SyntheticWorldTest {

    static String digest(long seed, int persons) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            SyntheticWorld w = new SyntheticWorld(seed, persons);
            for (String s : SourceSchemas.TYPES) {
                w.forEachRecord(s, r -> md.update((s + r).getBytes(StandardCharsets.UTF_8)));
                w.forEachGroundTruth(s, g -> md.update(g.toCsv().getBytes(StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sameSeedGivesTheSameWorld() {
        assertEquals(digest(7, 500), digest(7, 500));
    }

    @Test
    void differentSeedGivesADifferentWorld() {
        assertNotEquals(digest(7, 500), digest(8, 500));
    }

    @Test
    void everyVinHasAValidCheckDigit() {
        SyntheticWorld w = new SyntheticWorld(3, 4_000);
        int[] vins = {0};
        for (String s : SourceSchemas.TYPES) {
            w.forEachRecord(s, r -> {
                if (r instanceof VehicleRecord v && v.vin() != null) {
                    assertTrue(Vin.isValid(v.vin()), "valid VIN");
                    vins[0]++;
                }
            });
        }
        assertTrue(vins[0] > 5_000, "VINs checked: " + vins[0]);
    }

    @Test
    void vinCheckDigit() {
        assertEquals('X', Vin.checkDigit("1M8GDM9AXKP042788"));
        assertTrue(Vin.isValid("1M8GDM9AXKP042788"));
        assertTrue(Vin.isValid("11111111111111111"));
        assertFalse(Vin.isValid("1M8GDM9A1KP042788"));
        assertFalse(Vin.isValid("1M8GDM9AXKP04278"));
        assertFalse(Vin.isValid("IM8GDM9AXKP042788"));
        assertThrows(IllegalArgumentException.class, () -> Vin.checkDigit("short"));
    }

    @Test
    void documentNumbersAndPlatesAreUniquePerSource() {
        SyntheticWorld w = new SyntheticWorld(11, 20_000);
        for (String s : SourceSchemas.TYPES) {
            Set<String> docs = new HashSet<>();
            Set<String> plates = new HashSet<>();
            Set<String> vins = new HashSet<>();
            w.forEachGroundTruth(s, g -> {
                if (g.kind() == QueryKind.DOCUMENT) {
                    assertTrue(docs.add(g.country() + "/" + g.number()), "unique document in " + s);
                } else if (g.kind() == QueryKind.VEHICLE) {
                    if (g.number() != null) {
                        assertTrue(plates.add(g.country() + "/" + g.number()), "unique plate in " + s);
                    }
                    if (g.vin() != null) {
                        assertTrue(vins.add(g.vin()), "unique VIN in " + s);
                    }
                }
            });
            assertEquals(w.documentsPerSource() + (s.equals("interpol") ? 1 : 0), docs.size());
        }
    }

    @Test
    void aSharedShareOfIdentitiesAppearsInSeveralSourcesSpelledDifferently() {
        SyntheticWorld w = new SyntheticWorld(42, 5_000);
        Map<Long, Map<String, String>> names = new HashMap<>();
        Set<Long> identities = new HashSet<>();
        for (String s : SourceSchemas.TYPES) {
            w.forEachGroundTruth(s, g -> {
                if (g.kind() == QueryKind.PERSON) {
                    identities.add(g.identityId());
                }
            });
            List<Long> ids = new java.util.ArrayList<>();
            w.forEachGroundTruth(s, g -> {
                if (g.kind() == QueryKind.PERSON) {
                    ids.add(g.identityId());
                }
            });
            int[] i = {0};
            w.forEachRecord(s, r -> {
                if (r instanceof PersonRecord p) {
                    names.computeIfAbsent(ids.get(i[0]++), k -> new HashMap<>()).put(s, normal(p));
                }
            });
        }
        long multi = names.values().stream().filter(m -> m.size() >= 2).count();
        double share = (double) multi / identities.size();
        assertTrue(share >= 0.05 && share <= 0.15, "identities in 2+ sources: " + share);
        long spelledDifferently = names.values().stream().filter(m -> m.size() >= 2)
                .filter(m -> new HashSet<>(m.values()).size() > 1).count();
        assertTrue(spelledDifferently > multi * 0.4, "spelled differently: " + spelledDifferently + " of " + multi);
    }

    static String normal(PersonRecord p) {
        return ((p.givenNames() == null ? "" : p.givenNames()) + " " + (p.familyName() == null ? "" : p.familyName()))
                .trim().toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void cyrillicIsRomanisedThreeWays() {
        assertEquals("Yuriy", Cyrillic.romanise("Юрий", Cyrillic.System.ENGLISH));
        assertEquals("Iouri", Cyrillic.romanise("Юрий", Cyrillic.System.FRENCH));
        assertEquals("Jurij", Cyrillic.romanise("Юрий", Cyrillic.System.GERMAN));
        assertEquals("Shcherbakov", Cyrillic.romanise("Щербаков", Cyrillic.System.ENGLISH));
        assertEquals("Chtcherbakov", Cyrillic.romanise("Щербаков", Cyrillic.System.FRENCH));
        assertEquals("Schtscherbakow", Cyrillic.romanise("Щербаков", Cyrillic.System.GERMAN));
    }

    @Test
    void walkthroughSubjectsComeFirstAndAreNotRepeated() {
        SyntheticWorld w = new SyntheticWorld(42, 3_000);
        List<SourceRecord> first = new java.util.ArrayList<>();
        w.forEachRecord("interpol", r -> {
            if (first.isEmpty()) {
                first.add(r);
            }
        });
        PersonRecord p = (PersonRecord) first.get(0);
        assertEquals(Walkthrough.WANTED_INTERPOL_SUBJECT_ID, p.recordId());
        for (String s : SourceSchemas.TYPES) {
            w.forEachRecord(s, r -> {
                if (r instanceof PersonRecord q && !q.recordId().equals("1001") && !q.recordId().startsWith("EU-P-W")) {
                    assertFalse(q.dateOfBirth() != null && (q.dateOfBirth().toString().equals(Walkthrough.WANTED_DATE_OF_BIRTH)
                            || q.dateOfBirth().toString().equals(Walkthrough.RESTRICTED_DATE_OF_BIRTH)), "no synthetic twin");
                }
            });
        }
    }

    @Test
    void rejectsSillySizes() {
        assertThrows(IllegalArgumentException.class, () -> new SyntheticWorld(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticWorld(1, SyntheticWorld.MAX_PERSONS_PER_SOURCE + 1));
    }
}
