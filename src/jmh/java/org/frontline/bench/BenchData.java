package org.frontline.bench;

import org.frontline.model.ActionToTake;
import org.frontline.model.Alert;
import org.frontline.model.AlertCategory;
import org.frontline.model.PartialDate;
import org.frontline.model.PersonRecord;
import org.frontline.model.SafetyWarning;
import org.frontline.model.Sex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Realistic benchmark inputs, read once in a benchmark's setup from the labelled name data
 * (system property {@code matching.data}, default {@code ../shared/data/names}, the same as the
 * matching evaluation; loadtests/jmh.sh passes it to the forked JVMs as an absolute path). A
 * missing file fails the setup: a benchmark must not quietly measure made-up inputs.
 */
public final class BenchData {

    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    private static final Pattern NON_LATIN_LETTER = Pattern.compile("[\\p{L}&&[^\\p{IsLatin}]]");
    private static final Pattern NON_ASCII_LATIN = Pattern.compile("[\\p{IsLatin}&&[^\\x00-\\x7F]]");

    private BenchData() {
    }

    public static Path dataDir() {
        Path dir = Path.of(System.getProperty("matching.data", "../shared/data/names"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no name data at " + dir.toAbsolutePath() + ": set -Dmatching.data");
        }
        return dir;
    }

    /** The rows of a tab-separated file under the data directory, header skipped. */
    public static List<String[]> tsv(String file) {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = lines(file);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    /** The first column of a CSV file under the data directory (RFC 4180 quoting), header and empty fields skipped. */
    public static List<String> csvFirstColumn(String file) {
        return org.frontline.match.eval.Csv.parse(read(file)).stream().skip(1)
                .map(row -> row.get(0)).filter(name -> !name.isEmpty()).toList();
    }

    /**
     * Names from the 50,000 synthetic persons of many cultures: {@code perScript} each in Cyrillic,
     * in Arabic script and in Latin with diacritics, interleaved (Cyrillic, Arabic, Latin, ...), so
     * that consecutive calls do not see the same script.
     */
    public static List<String> mixedScriptNames(int perScript) {
        List<String> cyrillic = new ArrayList<>();
        List<String> arabic = new ArrayList<>();
        List<String> latin = new ArrayList<>();
        for (String name : csvFirstColumn("yente/negatives_global.csv")) {
            if (CYRILLIC.matcher(name).find()) {
                add(cyrillic, name, perScript);
            } else if (ARABIC.matcher(name).find()) {
                add(arabic, name, perScript);
            } else if (!NON_LATIN_LETTER.matcher(name).find() && NON_ASCII_LATIN.matcher(name).find()) {
                add(latin, name, perScript);
            }
        }
        if (cyrillic.size() < perScript || arabic.size() < perScript || latin.size() < perScript) {
            throw new IllegalStateException("too few names per script: " + Arrays.asList(cyrillic.size(),
                    arabic.size(), latin.size()));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < perScript; i++) {
            out.add(cyrillic.get(i));
            out.add(arabic.get(i));
            out.add(latin.get(i));
        }
        return out;
    }

    private static void add(List<String> list, String name, int limit) {
        if (list.size() < limit) {
            list.add(name);
        }
    }

    private static List<String> lines(String file) {
        return Arrays.asList(read(file).split("\r?\n"));
    }

    private static String read(String file) {
        try {
            return Files.readString(dataDir().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A person record as a connector maps it: the name split into given and family names where it
     * has a space, a date of birth ("" for none), a nationality, and one alert: a red-notice-like
     * arrest warrant with a warning when {@code wanted}, else an information alert.
     */
    public static PersonRecord person(String recordId, String name, String dob, String nationality,
                                      List<String> aliases, boolean wanted) {
        int space = name.lastIndexOf(' ');
        String given = space > 0 ? name.substring(0, space) : null;
        String family = space > 0 ? name.substring(space + 1) : null;
        PartialDate date = dob == null || dob.isBlank() ? null : PartialDate.parse(dob);
        String nat = nationality == null || nationality.isBlank() ? null : nationality.toUpperCase(Locale.ROOT);
        Alert alert = wanted
                ? new Alert("A-" + recordId, AlertCategory.WANTED_FOR_ARREST, ActionToTake.ARREST,
                        List.of(SafetyWarning.ARMED), LocalDate.of(2024, 3, 1), null, "NCB " + nat)
                : new Alert("A-" + recordId, AlertCategory.INFORMATION, ActionToTake.REPORT, List.of(),
                        LocalDate.of(2023, 11, 20), null, "Liaison desk");
        return new PersonRecord(recordId, given, family, name, aliases, date, Sex.UNKNOWN, nat, List.of(alert));
    }
}
