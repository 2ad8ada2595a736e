package org.frontline.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint against every kind of caller: the four roles, no token, an expired token, a token
 * from another issuer, and a token whose payload was altered after signing.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class RoleMatrixTest {

    private record Endpoint(String method, String path, String body) {
    }

    private static final Endpoint PERSON = new Endpoint("POST", "/v1/search/person",
            "{\"name\":\"Ana Souza\",\"purpose\":\"role matrix\"}");
    private static final Endpoint DOCUMENT = new Endpoint("POST", "/v1/search/document",
            "{\"number\":\"QQ1\",\"issuingCountry\":\"PRT\",\"purpose\":\"role matrix\"}");
    private static final Endpoint VEHICLE = new Endpoint("POST", "/v1/search/vehicle",
            "{\"plate\":\"QQ1\",\"registrationCountry\":\"PRT\",\"purpose\":\"role matrix\"}");
    private static final Endpoint SOURCES = new Endpoint("GET", "/v1/sources", null);
    private static final Endpoint AUDIT = new Endpoint("GET", "/v1/audit?limit=1", null);
    private static final Endpoint VERIFY = new Endpoint("GET", "/v1/audit/verify", null);
    private static final Endpoint HEALTH = new Endpoint("GET", "/q/health/live", null);
    private static final Endpoint METRICS = new Endpoint("GET", "/q/metrics", null);
    private static final Endpoint OPENAPI = new Endpoint("GET", "/q/openapi", null);

    private static final List<Endpoint> ENDPOINTS = List.of(PERSON, DOCUMENT, VEHICLE, SOURCES, AUDIT, VERIFY, HEALTH, METRICS, OPENAPI);

    @Test
    void everyEndpointAgainstEveryCaller() {
        Map<String, Supplier<String>> callers = new LinkedHashMap<>();
        callers.put("officer", TestTokens::officer);
        callers.put("border guard", TestTokens::borderGuard);
        callers.put("auditor", TestTokens::auditor);
        callers.put("admin", TestTokens::admin);
        callers.put("no token", () -> null);
        callers.put("expired", TestTokens::expired);
        callers.put("wrong issuer", TestTokens::wrongIssuer);
        callers.put("tampered", TestTokens::tampered);

        //                         person doc  vehicle sources audit verify health metrics openapi
        Map<String, int[]> expected = Map.of(
                "officer",      new int[] {200, 200, 200, 200, 403, 403, 200, 200, 200},
                "border guard", new int[] {200, 200, 403, 200, 403, 403, 200, 200, 200},
                "auditor",      new int[] {403, 403, 403, 200, 200, 200, 200, 200, 200},
                "admin",        new int[] {403, 403, 403, 200, 403, 403, 200, 200, 200},
                "no token",     new int[] {401, 401, 401, 401, 401, 401, 200, 200, 200},
                "expired",      new int[] {401, 401, 401, 401, 401, 401, 200, 200, 200},
                "wrong issuer", new int[] {401, 401, 401, 401, 401, 401, 200, 200, 200},
                "tampered",     new int[] {401, 401, 401, 401, 401, 401, 200, 200, 200});

        for (Map.Entry<String, Supplier<String>> caller : callers.entrySet()) {
            int[] want = expected.get(caller.getKey());
            for (int i = 0; i < ENDPOINTS.size(); i++) {
                Endpoint e = ENDPOINTS.get(i);
                RequestSpecification request = RestAssured.given();
                String token = caller.getValue().get();
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                if (e.body() != null) {
                    request.contentType("application/json").body(e.body());
                }
                var response = "GET".equals(e.method()) ? request.get(e.path()) : request.post(e.path());
                assertEquals(want[i], response.statusCode(), caller.getKey() + " " + e.method() + " " + e.path()
                        + ": " + response.asString());
                if (want[i] >= 400) {
                    response.then().contentType(startsWith("application/problem+json"));
                }
                if (want[i] == 401) {
                    assertEquals("Bearer", response.header("WWW-Authenticate"));
                }
            }
        }
    }

    @Test
    void demoTokenEndpointIssuesTokensThatWork() {
        String token = RestAssured.given().contentType("application/json")
                .body("{\"officerId\":\"demo-7\",\"agency\":\"GNR\",\"country\":\"PRT\",\"roles\":[\"OFFICER\"],\"clearance\":\"RESTRICTED\"}")
                .post("/demo/token").then().statusCode(200).extract().path("token");
        RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(DOCUMENT.body()).post(DOCUMENT.path()).then().statusCode(200);
        RestAssured.given().contentType("application/json")
                .body("{\"officerId\":\"demo-7\",\"agency\":\"GNR\",\"country\":\"ZZZ\",\"roles\":[\"CHIEF\"]}")
                .post("/demo/token").then().statusCode(400).contentType(startsWith("application/problem+json"));
    }
}
