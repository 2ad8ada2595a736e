package org.frontline.sourcedata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolingTest {

    @TempDir
    Path dir;

    @Test
    void badArgumentsPrintUsage() {
        for (String[] args : List.of(new String[] {}, new String[] {"frobnicate"}, new String[] {"seed", "--schema"},
                new String[] {"seed", "--schema", "interpol"}, new String[] {"ground-truth", "--persons", "10"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Tooling.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code, String.join(" ", args));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
        }
    }

    @Test
    void groundTruthCsvHasOneRowPerRecord() throws Exception {
        Path out = dir.resolve("gt.csv");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = Tooling.run(new String[] {"ground-truth", "--seed", "5", "--persons", "300", "--out", out.toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out);
        SyntheticWorld w = new SyntheticWorld(5, 300);
        long expected = 5L * (300 + w.documentsPerSource() + w.vehiclesPerSource()) + 5;   // + the five walkthrough records
        assertEquals(SyntheticWorld.GroundTruth.CSV_HEADER, lines.get(0));
        assertEquals(expected, lines.size() - 1);
        assertTrue(lines.contains("interpol,DOCUMENT,FRA/P4471902,,PASSPORT,STOLEN_DOCUMENT,FRA,P4471902,,walkthrough"));
        assertTrue(stdout.toString(StandardCharsets.UTF_8).contains("ground truth: " + expected + " rows"));
    }

    @Test
    void groundTruthWithEcoAddsItsRecords() throws Exception {
        Path five = dir.resolve("gt5.csv");
        Path seven = dir.resolve("gt7.csv");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, Tooling.run(new String[] {"ground-truth", "--seed", "5", "--persons", "300", "--out", five.toString()},
                quiet, System.err));
        assertEquals(0, Tooling.run(new String[] {"ground-truth", "--seed", "5", "--persons", "300", "--with", "aimc,eco",
                "--out", seven.toString()}, quiet, System.err));
        List<String> withEco = Files.readAllLines(seven);
        assertTrue(withEco.containsAll(Files.readAllLines(five)), "the five sources' rows unchanged");
        long eco = withEco.stream().filter(l -> l.startsWith("eco,")).count();
        long aimc = withEco.stream().filter(l -> l.startsWith("aimc,")).count();
        assertTrue(eco >= 300 && aimc >= 300, "ECO " + eco + ", AIMC " + aimc);
        assertEquals(Files.readAllLines(five).size() + eco + aimc, withEco.size());
        assertTrue(withEco.stream().anyMatch(l -> l.startsWith("eco,PERSON,95000000,")), "ECO's record ids");
    }
}
