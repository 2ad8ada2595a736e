package org.frontline.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audit store down: searches fail closed (503, nothing released); back up: searches answer again. */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AuditOutageTest {

    @AfterEach
    void heal() {
        FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.PASS);
    }

    private static Response stolenPassport() {
        return TestTokens.asOfficer().contentType("application/json")
                .body(Map.of("number", "X9TEST001", "issuingCountry", "ESP", "purpose", "audit outage test"))
                .post("/v1/search/document");
    }

    @Test
    void searchesFailClosedWhileTheAuditStoreIsDownAndRecover() throws InterruptedException {
        assertEquals(200, stolenPassport().statusCode());

        FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.RESET);
        Response refused = stolenPassport();
        assertEquals(503, refused.statusCode(), refused.asString());
        refused.then().contentType(startsWith("application/problem+json"));
        assertTrue(refused.header("Retry-After") != null);
        String body = refused.asString();
        assertFalse(body.contains("X9TEST001") || body.contains("HIT") || body.contains("INTERPOL NCB"),
                "no data released: " + body);
        RestAssured.given().get("/q/health/ready").then().statusCode(503);

        // a store that accepts connections and never answers: refused within the audit timeout, not hung
        FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.BLACKHOLE);
        long start = System.nanoTime();
        assertEquals(503, stolenPassport().statusCode());
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < 10_000, "refused after " + tookMs + " ms (audit timeout 5 s in tests)");

        FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.PASS);
        int status = 0;
        for (int i = 0; i < 20 && status != 200; i++) {
            status = stolenPassport().statusCode();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertEquals(200, status, "searches answer again once the audit store is back");
    }
}
