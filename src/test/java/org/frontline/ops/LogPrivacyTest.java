package org.frontline.ops;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.frontline.sourcedata.Walkthrough;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal data never reaches the application log: after searches (hits, no-hits, invalid input,
 * a failing source), the log file of this test run holds none of the names or document numbers
 * searched for, here or by the other test classes of the run.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class LogPrivacyTest {

    static final Path LOG = Path.of("target/frontline-test.log");

    @Test
    void searchedNamesAndDocumentNumbersNeverReachTheLog() throws Exception {
        TestTokens.asOfficer().contentType("application/json")
                .body(Map.of("name", "Privacyna Testovska", "dateOfBirth", "1977", "purpose", "log privacy"))
                .post("/v1/search/person").then().statusCode(200);
        TestTokens.asOfficer().contentType("application/json")
                .body(Map.of("number", "PRIV4CY01", "issuingCountry", "POL", "purpose", "log privacy"))
                .post("/v1/search/document").then().statusCode(200);
        TestTokens.asOfficer().contentType("application/json")
                .body(Map.of("name", "Privacyna Testovska", "dateOfBirth", "1977-02-31", "purpose", "log privacy"))
                .post("/v1/search/person").then().statusCode(400);
        TestTokens.asOfficer().contentType("application/json")
                .body("{\"name\": \"Privacyna Testovska\", \"purpose\": ")
                .post("/v1/search/person").then().statusCode(400);

        assertTrue(Files.exists(LOG), "the test profile logs to " + LOG);
        String log = Files.readString(LOG);
        assertTrue(log.contains("sources configured"), "the log file is the service's log");
        List<String> searched = List.of("Privacyna", "Testovska", "PRIV4CY01",
                // searched by the other test classes of the run
                "Shcherbakov", "SHCHERBAKOV", "Hiddenova", "Halbversteckt", "Okonkwo", "X9TEST001", "C01TEST02", "TST9001",
                "1M8GDM9AXKP042788", "Al-Rashid", "AL RASHEED", "Al Rasheed", Walkthrough.STOLEN_PASSPORT_NUMBER,
                Walkthrough.STOLEN_CAR_VIN, Walkthrough.RESTRICTED_FAMILY_NAME, "AUD1T0001",
                // asked of ECO's partner API over HTTP (EcoSourceTest): the REST client logs none of it either
                "Yildirimoglu", "Soltanabadi", "Karabulutova", "U99887766");
        for (String term : searched) {
            assertFalse(log.contains(term), "the log contains a searched term: " + term);
        }
    }
}
