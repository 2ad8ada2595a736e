package org.frontline.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.frontline.border.Mrz;
import org.frontline.border.MrzFormat;
import org.frontline.border.MrzParser;
import org.frontline.border.MrzWriter;
import org.frontline.sourcedata.Walkthrough;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zones the README and the contract show are written by our own code, so their check digits are
 * right, and belong to the walkthrough subjects.
 */
class WalkthroughMrzTest {

    static final List<MrzWriter> WALKTHROUGH = List.of(
            new MrzWriter(MrzFormat.TD3, "P", Walkthrough.STOLEN_PASSPORT_COUNTRY, Walkthrough.STOLEN_PASSPORT_NUMBER,
                    "MARTIN", "CLAIRE", "FRA", "900314", 'F', "300601", "", ""),
            new MrzWriter(MrzFormat.TD3, "P", Walkthrough.WANTED_NATIONALITY, "JW0830412", "AL RASHEED", "MUHAMMAD",
                    Walkthrough.WANTED_NATIONALITY, yymmdd(Walkthrough.WANTED_DATE_OF_BIRTH), 'M', "310101", "", ""),
            new MrzWriter(MrzFormat.TD3, "P", Walkthrough.RESTRICTED_NATIONALITY, "SA7911030", "AL DOSARI",
                    "KHALID SALEH AHMED", Walkthrough.RESTRICTED_NATIONALITY,
                    yymmdd(Walkthrough.RESTRICTED_DATE_OF_BIRTH), 'M', "300915", "", ""),
            new MrzWriter(MrzFormat.TD1, "ID", "D", Walkthrough.UNKNOWN_DOCUMENT_NUMBER, "MUSTERMANN", "ERIKA", "D",
                    "640812", 'F', "310731", "", ""));

    private static String yymmdd(String isoDate) {
        return isoDate.substring(2, 4) + isoDate.substring(5, 7) + isoDate.substring(8, 10);
    }

    @Test
    void theReadmeShowsEachWalkthroughSubjectsZoneWithRightCheckDigits() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        MrzParser parser = new MrzParser(Clock.systemUTC());
        for (MrzWriter subject : WALKTHROUGH) {
            String zone = subject.write();
            for (String line : zone.split("\n")) {
                assertTrue(readme.contains(line), "README lacks " + line);
            }
            Mrz read = parser.parse(zone);
            assertEquals(List.of(), read.failedChecks());
            assertEquals(subject.documentNumber(), read.documentNumber());
        }
        String stolen = WALKTHROUGH.get(0).write();
        assertTrue(readme.contains(stolen.replace("\n", "\\n")), "the README's curl carries the stolen passport's zone");
    }

    @Test
    void theContractsExamplesAreZonesOfEachFormatWithRightCheckDigits() throws Exception {
        ObjectMapper json = new ObjectMapper();
        MrzParser parser = new MrzParser(Clock.systemUTC());
        List<String> examples = List.of(MrzExamples.TD3, MrzExamples.TD1, MrzExamples.TD2, MrzExamples.MRV_A,
                MrzExamples.MRV_B);
        List<MrzFormat> formats = List.of(MrzFormat.TD3, MrzFormat.TD1, MrzFormat.TD2, MrzFormat.MRV_A, MrzFormat.MRV_B);
        for (int i = 0; i < examples.size(); i++) {
            String zone = json.readTree(examples.get(i)).get("mrz").asText();
            Mrz read = parser.parse(zone);
            assertEquals(formats.get(i), read.format());
            assertEquals(List.of(), read.failedChecks(), zone);
        }
        assertEquals(WALKTHROUGH.get(0).write(), json.readTree(MrzExamples.TD3).get("mrz").asText());
        assertEquals(WALKTHROUGH.get(3).write(), json.readTree(MrzExamples.TD1).get("mrz").asText());
    }
}
