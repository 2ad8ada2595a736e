package org.frontline.demo;

import org.frontline.partner.eco.EcoPartnerProcess;
import org.frontline.testsupport.SourceDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's ECO: it seeds the partner's database, starts the partner API as a process of its own and
 * points the ECO source at it with a secret of the run; the partner then answers over HTTP, and refuses a
 * question without a token. (On a test database: the demo's own, fq_demo_eco_partner, is not a test's to create.)
 */
class DemoEcoTest {

    private static final String[] KEYS = {"frontline.sources.eco.enabled", "frontline.sources.eco.url",
            "frontline.sources.eco.client-id", "frontline.sources.eco.client-secret",
            "frontline.sources.eco.not-started-because"};

    @AfterEach
    void clear() {
        for (String key : KEYS) {
            System.clearProperty(key);
        }
    }

    @Test
    void theDemoStartsThePartnerProcessAndPointsEcoAtIt() throws Exception {
        String db = SourceDatabases.database("demo_eco_partner");
        SourceDatabases.server().dropDatabaseIfExists(db);
        EcoPartnerProcess partner = DemoSources.startEcoPartner(SourceDatabases.server(), db, 42, 100);
        assertNotNull(partner, System.getProperty("frontline.sources.eco.not-started-because"));
        try {
            assertTrue(partner.alive());
            assertEquals("true", System.getProperty("frontline.sources.eco.enabled"));
            assertEquals(partner.baseUrl(), System.getProperty("frontline.sources.eco.url"));
            assertEquals(EcoPartnerProcess.CLIENT_ID, System.getProperty("frontline.sources.eco.client-id"));
            String secret = System.getProperty("frontline.sources.eco.client-secret");
            assertTrue(secret != null && secret.length() >= 32, "a secret of the run");
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(partner.baseUrl() + "/api/v1/status")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("ECO-4010"), refused.body());
        } finally {
            partner.close();
        }
        assertTrue(!partner.alive(), "the partner ends when closed");
    }
}
