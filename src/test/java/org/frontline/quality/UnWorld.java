package org.frontline.quality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.frontline.match.eval.Csv;
import org.frontline.match.eval.MatchingEvaluation;
import org.frontline.model.Countries;
import org.frontline.model.PartialDate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongBiFunction;

/**
 * A second world that this project's generator did not make: the 683 UN Security Council listed
 * persons of {@code ../shared/data/names/yente} (OpenSanctions' yente benchmark), the original
 * spelling held by INTERPOL and the "treated" one (typos, reordering, dropped parts) by Europol,
 * each with the date of birth its file gives, among the 50,000 synthetic {@code negatives_global}
 * persons as distractors (even rows to INTERPOL, odd rows to Europol; every 25th row held out as a
 * person nobody holds). Written as JSON Lines for the project's {@code load} tool
 * ({@code docs/loader-format.md}); the other three sources stay empty (disabled for the run).
 * No alerts are loaded, so the action figures say nothing here.
 */
public final class UnWorld {

    /** Identities of negatives are this plus their row. */
    static final long NEGATIVE = 1_000_000L;
    static final String UN_TREATED_DOB = "un_treated_dob";
    static final String UN_ORIGINAL_DOB = "un_original_dob";
    static final String UN_TREATED_NAME_ONLY = "un_treated_name_only";
    static final String UN_NOBODY_NAME_DOB = "un_nobody_name_dob";

    record Person(String name, String given, String family, PartialDate dob, String nationality, String sex) {
    }

    private final List<Person> originals;
    private final List<Person> treated;
    private final List<Person> negatives;
    private final Map<String, Long> truth = new HashMap<>();

    public UnWorld(Path data) throws IOException {
        originals = read(data.resolve("yente/un_positives_untreated.csv"), true);
        treated = read(data.resolve("yente/un_positives_treated.csv"), true);
        negatives = read(data.resolve("yente/negatives_global.csv"), false);
        for (int i = 0; i < originals.size(); i++) {
            truth.put("interpol/" + (i + 1), (long) i);
            truth.put("europol/" + unEuropolId(i), (long) i);
        }
        for (int i = 0; i < negatives.size(); i++) {
            if (held(i)) {
                truth.put((i % 2 == 0 ? "interpol/" + (NEGATIVE + i) : "europol/" + negativeEuropolId(i)), NEGATIVE + i);
            }
        }
    }

    private static boolean held(int negative) {
        return negative % 25 != 24;
    }

    private static String unEuropolId(int i) {
        return String.format("EU-P-U%05d", i);
    }

    private static String negativeEuropolId(int i) {
        return String.format("EU-P-N%06d", i);
    }

    /** (source, recordId) → identity; -1 for a record this world did not load. */
    public ToLongBiFunction<String, String> truth() {
        return (source, recordId) -> truth.getOrDefault(source + "/" + recordId, -1L);
    }

    /** Writes {@code interpol.jsonl} and {@code europol.jsonl} into the directory. */
    public void writeLoaderFiles(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter interpol = Files.newBufferedWriter(dir.resolve("interpol.jsonl"), StandardCharsets.UTF_8);
             BufferedWriter europol = Files.newBufferedWriter(dir.resolve("europol.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < originals.size(); i++) {
                line(interpol, String.valueOf(i + 1), originals.get(i));
                line(europol, unEuropolId(i), treated.get(i));
            }
            for (int i = 0; i < negatives.size(); i++) {
                if (held(i)) {
                    if (i % 2 == 0) {
                        line(interpol, String.valueOf(NEGATIVE + i), negatives.get(i));
                    } else {
                        line(europol, negativeEuropolId(i), negatives.get(i));
                    }
                }
            }
        }
    }

    private static void line(BufferedWriter w, String recordId, Person p) throws IOException {
        ObjectNode n = ServiceClient.JSON.createObjectNode();
        n.put("kind", "PERSON");
        n.put("recordId", recordId);
        if (p.given() != null && p.family() != null) {
            n.put("givenNames", p.given());
            n.put("familyName", p.family());
        } else {
            n.put("fullName", p.name());
        }
        if (p.dob() != null) {
            n.put("dateOfBirth", p.dob().toString());
        }
        n.put("sex", p.sex());
        if (p.nationality() != null) {
            n.put("nationality", p.nationality());
        }
        w.write(ServiceClient.JSON.writeValueAsString(n));
        w.newLine();
    }

    /** The labelled questions: up to {@code perType} of each kind, in a seeded order. */
    public List<LabelledQuery> questions(int perType, long sampleSeed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(sampleSeed));
        List<LabelledQuery> out = new ArrayList<>();
        int a = 0;
        int b = 0;
        int c = 0;
        for (int i : order) {
            Set<String> records = Set.of("interpol/" + (i + 1), "europol/" + unEuropolId(i));
            Person t = treated.get(i);
            Person o = originals.get(i);
            if (t.dob() != null && a < perType) {
                out.add(new LabelledQuery(UN_TREATED_DOB, t.name(), t.dob().toString(), null, i, "europol", records, Set.of()));
                a++;
            }
            if (o.dob() != null && b < perType) {
                out.add(new LabelledQuery(UN_ORIGINAL_DOB, o.name(), o.dob().toString(), null, i, "interpol", records, Set.of()));
                b++;
            }
            if (c < perType) {
                out.add(new LabelledQuery(UN_TREATED_NAME_ONLY, t.name(), null, null, i, "europol", records, Set.of()));
                c++;
            }
        }
        // held-out negatives: nobody holds them; a loaded record with the same name and date is a coincidence, left out
        Set<String> loaded = new HashSet<>();
        for (int i = 0; i < negatives.size(); i++) {
            if (held(i) && negatives.get(i).dob() != null) {
                loaded.add(QuerySet.key(negatives.get(i).name()) + "|" + negatives.get(i).dob());
            }
        }
        for (int i = 0; i < originals.size(); i++) {
            for (Person p : List.of(originals.get(i), treated.get(i))) {
                if (p.dob() != null) {
                    loaded.add(QuerySet.key(p.name()) + "|" + p.dob());
                }
            }
        }
        List<Integer> heldOut = new ArrayList<>();
        for (int i = 0; i < negatives.size(); i++) {
            Person n = negatives.get(i);
            if (!held(i) && n.dob() != null && !loaded.contains(QuerySet.key(n.name()) + "|" + n.dob())) {
                heldOut.add(i);
            }
        }
        Collections.shuffle(heldOut, new Random(sampleSeed));
        for (int i : heldOut.subList(0, Math.min(perType, heldOut.size()))) {
            Person n = negatives.get(i);
            out.add(new LabelledQuery(UN_NOBODY_NAME_DOB, n.name(), n.dob().toString(), null, -1, null, Set.of(), Set.of()));
        }
        return out;
    }

    private static List<Person> read(Path file, boolean alpha2) throws IOException {
        List<Person> out = new ArrayList<>();
        List<List<String>> rows = Csv.parse(Files.readString(file));
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() < 8 || r.get(0).isBlank()) {
                continue;
            }
            String nationality = alpha2 && !r.get(7).isBlank() ? Countries.alpha2ToAlpha3(r.get(7)) : null;
            String sex = switch (r.get(4)) {
                case "male" -> "MALE";
                case "female" -> "FEMALE";
                default -> "UNKNOWN";
            };
            String given = (r.get(1) + " " + r.get(2)).trim();
            out.add(new Person(r.get(0).trim(), given.isEmpty() ? null : given, r.get(3).isBlank() ? null : r.get(3).trim(),
                    MatchingEvaluation.lenientDate(r.get(5)), nationality, sex));
        }
        return out;
    }
}
