package org.frontline.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The measurement switch frontline.audit.enabled=false really turns the audit off (and only it):
 * the search is answered and leaves no audit record. With the default configuration every answered
 * search has its record: {@link AuditTest}.
 */
@QuarkusTest
@TestProfile(AuditDisabledTest.AuditOff.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AuditDisabledTest {

    public static class AuditOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("frontline.audit.enabled", "false");
        }
    }

    @Test
    void withAuditDisabledASearchLeavesNoAuditRecord() {
        String officer = TestTokens.token("audit-off-officer-1", "GdF", "ITA", "RESTRICTED", "OFFICER");
        String queryId = RestAssured.given().header("Authorization", "Bearer " + officer).contentType("application/json")
                .body(Map.of("number", "AUD1T0FF1", "issuingCountry", "ITA", "purpose", "measuring the audit cost"))
                .post("/v1/search/document").then().statusCode(200).extract().path("queryId");
        assertNotNull(queryId);
        List<String> audited = RestAssured.given().header("Authorization", "Bearer " + TestTokens.auditor())
                .get("/v1/audit?officer=audit-off-officer-1").then().statusCode(200).extract().jsonPath()
                .getList("records.queryId");
        assertEquals(List.of(), audited, "no audit record when frontline.audit.enabled=false");
    }
}
