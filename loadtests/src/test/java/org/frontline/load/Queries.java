package org.frontline.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The queries the simulations send: each is the path segment ({@code person}, {@code document},
 * {@code vehicle}), the name under which Gatling reports it, and its JSON body. Every body carries
 * a {@code purpose}, as the API requires.
 */
final class Queries {

    record Query(String kind, String name, String body) {
    }

    /** Countries whose officers check documents in the mix (alpha-3). */
    static final String[] DOCUMENT_COUNTRIES = {"DEU", "FRA", "GBR", "USA", "ESP", "ITA", "NLD", "POL", "TUR", "UKR", "MAR", "BRA"};
    static final String[] PLATE_COUNTRIES = {"BRA", "ARG", "COL", "MEX", "DEU", "FRA", "ESP", "ITA"};

    static final String[] FORENAMES = {"Anna", "Maria", "Jean", "Pierre", "Luca", "Giulia", "Ahmed", "Fatima", "Omar",
            "Elena", "Ivan", "Olga", "Carlos", "Lucia", "Juan", "Sofia", "Wei", "Li", "Nguyen", "Minh", "Siti", "Budi",
            "Thomas", "Katarzyna", "Piotr", "Mehmet", "Ayse", "Hassan", "Layla", "Jose", "Ana", "Karim", "Nadia"};
    static final String[] FAMILY_NAMES = {"Schmidt", "Dubois", "Rossi", "Garcia", "Kowalski", "Yilmaz", "Haddad",
            "Petrov", "Ivanova", "Silva", "Santos", "Tran", "Pham", "Rahman", "Hassan", "Novak", "Horvat", "Moreau",
            "Ferrari", "Lopez", "Martinez", "Nowak", "Kaya", "Mansour", "Sokolov", "Pereira", "Le", "Wibowo", "Tan"};

    /** Walkthrough subjects under the spellings officers type. */
    static final String[] SPELLING_VARIANTS = {"Muhammad Al Rasheed", "Mohammed Al-Rashid", "Mohamed Alrashid",
            "AL RASHEED Muhammad", "Yuriy Shcherbakov", "Iouri Chtcherbakov", "Jurij Schtscherbakow", "Shcherbakov Yuri"};

    private Queries() {
    }

    // ---------------------------------------------------------------- documents

    /** A document number no source can hold: 11 characters, longer than every synthetic layout. */
    static String unknownDocumentNumber(Random rnd) {
        return "ZQ" + String.format("%09d", rnd.nextInt(1_000_000_000));
    }

    static Query unknownDocument(Random rnd) {
        String country = DOCUMENT_COUNTRIES[rnd.nextInt(DOCUMENT_COUNTRIES.length)];
        return document("document no-hit", unknownDocumentNumber(rnd), country, "border control, entry");
    }

    /** A fresh unknown document on each call (no repetition): the slow-source benchmark. */
    static Query freshUnknownDocument() {
        return unknownDocument(ThreadLocalRandom.current());
    }

    static Query stolenPassport() {
        return document("document hit", "P4471902", "FRA", "border control, entry");
    }

    static Query document(String name, String number, String country, String purpose) {
        return new Query("document", name, "{\"number\":" + LoadSettings.json(number) + ",\"issuingCountry\":"
                + LoadSettings.json(country) + ",\"purpose\":" + LoadSettings.json(purpose) + "}");
    }

    // ---------------------------------------------------------------- persons

    static Query person(String name, String fullName, String dateOfBirth) {
        String dob = dateOfBirth == null ? "" : ",\"dateOfBirth\":" + LoadSettings.json(dateOfBirth);
        return new Query("person", name, "{\"name\":" + LoadSettings.json(fullName) + dob
                + ",\"purpose\":\"identity check, patrol\"}");
    }

    static Query randomPerson(Random rnd) {
        String fullName = FORENAMES[rnd.nextInt(FORENAMES.length)] + " " + FAMILY_NAMES[rnd.nextInt(FAMILY_NAMES.length)];
        String dob = switch (rnd.nextInt(3)) {
            case 0 -> null;
            case 1 -> Integer.toString(1950 + rnd.nextInt(55));
            default -> String.format("%04d-%02d-%02d", 1950 + rnd.nextInt(55), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        };
        return person("person random", fullName, dob);
    }

    // ---------------------------------------------------------------- vehicles

    static Query vehicle(String name, String plate, String country) {
        return new Query("vehicle", name, "{\"plate\":" + LoadSettings.json(plate) + ",\"registrationCountry\":"
                + LoadSettings.json(country) + ",\"purpose\":\"traffic stop\"}");
    }

    static Query randomVehicle(Random rnd) {
        StringBuilder plate = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            plate.append((char) ('A' + rnd.nextInt(26)));
        }
        plate.append(' ').append(String.format("%04d", rnd.nextInt(10_000)));
        return vehicle("vehicle random", plate.toString(), PLATE_COUNTRIES[rnd.nextInt(PLATE_COUNTRIES.length)]);
    }

    // ---------------------------------------------------------------- pools

    /**
     * A pool of {@code size} queries in rank order for a Zipf draw: {@code fixed} items go to the
     * given ranks (1-based), the others are made by {@code random}.
     */
    static List<Query> pool(int size, Random rnd, java.util.function.Function<Random, Query> random,
                            List<Query> fixed, int... ranks) {
        List<Query> pool = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            pool.add(random.apply(rnd));
        }
        for (int i = 0; i < fixed.size(); i++) {
            pool.set(Math.min(ranks[i], size) - 1, fixed.get(i));
        }
        return pool;
    }
}
