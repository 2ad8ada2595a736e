package org.frontline.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hundreds of generated malformed requests: every one must get a 4xx RFC 9457 problem, none a 5xx,
 * none a hang, and no problem may echo the value it refused.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class MalformedInputTest {

    private static final String[] KINDS = {"person", "document", "vehicle"};
    private static final Object[] ODD_VALUES = {
            "", " ", "\u0000", "x".repeat(5000), 12, -1, 3.5, true, List.of(), Map.of(), null,
            "2024-13-01", "1899", "99999", "31.12.1980", "ZZZ", "fr", "🙂🙂", "'; DROP TABLE notice;--",
            "\u202Eevil", "<script>", "QQQQQQQQQQQQQQQQQQQQQQQQ", "1M8GDM9AXKP04278O"};
    private static final Map<String, List<String>> FIELDS = Map.of(
            "person", List.of("name", "dateOfBirth", "nationality", "sex", "purpose", "deadlineMs"),
            "document", List.of("number", "issuingCountry", "type", "purpose", "deadlineMs"),
            "vehicle", List.of("plate", "registrationCountry", "vin", "purpose", "deadlineMs"));
    private static final Map<String, Map<String, Object>> VALID = Map.of(
            "person", Map.of("name", "Ana Souza", "dateOfBirth", "1990", "purpose", "identity check"),
            "document", Map.of("number", "AB123456", "issuingCountry", "PRT", "purpose", "border check"),
            "vehicle", Map.of("plate", "AB12CD", "registrationCountry", "PRT", "purpose", "traffic stop"));

    @Test
    void generatedMalformedInputsAreRefusedWithProblems() {
        Random random = new Random(20261128L);
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            String body = malformedBody(kind, random);
            Response r = TestTokens.asOfficer().contentType("application/json").body(body)
                    .when().post("/v1/search/" + kind);
            int status = r.statusCode();
            if (status >= 500) {
                fail("5xx for " + kind + " body #" + i + ": " + r.asString());
            }
            if (status == 200) {
                continue;   // a mutation can happen to stay valid (e.g. an odd but allowed value)
            }
            assertTrue(status >= 400 && status < 500, "status " + status);
            r.then().contentType(startsWith("application/problem+json")).body("status", equalTo(status));
            String problem = r.asString();
            assertTrue(!problem.contains("DROP TABLE") && !problem.contains("<script>"), "problem echoes input: " + problem);
            refused++;
        }
        assertTrue(refused > 300, "most generated inputs are invalid, refused " + refused);
    }

    private static String malformedBody(String kind, Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return "{\"" + FIELDS.get(kind).get(0) + "\": ";                 // truncated JSON
            case 1:
                return "[1,2,3]";                                                   // not an object
            case 2: {
                Map<String, Object> body = new LinkedHashMap<>(VALID.get(kind));
                body.put("unexpected" + random.nextInt(3), "x");                     // unknown field
                return io.vertx.core.json.Json.encode(body);
            }
            case 3:
                return "";                                                          // empty body
            default: {
                Map<String, Object> body = new LinkedHashMap<>(VALID.get(kind));
                List<String> fields = new ArrayList<>(FIELDS.get(kind));
                int mutations = 1 + random.nextInt(2);
                for (int m = 0; m < mutations; m++) {
                    String field = fields.get(random.nextInt(fields.size()));
                    Object value = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
                    if (value == null) {
                        body.remove(field);
                    } else {
                        body.put(field, value);
                    }
                }
                return io.vertx.core.json.Json.encode(body);
            }
        }
    }

    @Test
    void problemNamesTheFieldAndTheReason() {
        TestTokens.asOfficer().contentType("application/json")
                .body(Map.of("name", "Ana Souza", "dateOfBirth", "1990-02-30", "nationality", "XYZ", "purpose", "check"))
                .when().post("/v1/search/person")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItem("dateOfBirth"))
                .body("errors.field", hasItem("nationality"))
                .body("errors.find { it.field == 'dateOfBirth' }.reason", equalTo("expected YYYY-MM-DD or YYYY, a real date"));
    }

    @Test
    void unknownFieldIsNamed() {
        TestTokens.asOfficer().contentType("application/json")
                .body(Map.of("number", "AB1", "issuingCountry", "PRT", "purpose", "check", "holder", "x"))
                .when().post("/v1/search/document")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("holder"));
    }

    @Test
    void everyFaultOfABodyIsNamedTogether() {
        // an unknown field, a number where text belongs, a bad date, an unknown country: one problem, four faults
        TestTokens.asOfficer().contentType("application/json")
                .body("{\"name\":\"Ana Souza\",\"holder\":\"x\",\"sex\":7,\"dateOfBirth\":\"1990-02-30\","
                        + "\"nationality\":\"XYZ\",\"purpose\":\"identity check\"}")
                .when().post("/v1/search/person")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("4 fields are invalid; see errors"))
                .body("errors.field", containsInAnyOrder("holder", "sex", "dateOfBirth", "nationality"))
                .body("errors.find { it.field == 'holder' }.reason", startsWith("unknown field; allowed: dateOfBirth,"))
                .body("errors.find { it.field == 'sex' }.reason", equalTo("must be a string"))
                .body("errors.find { it.field == 'dateOfBirth' }.reason", equalTo("expected YYYY-MM-DD or YYYY, a real date"));
        // a field of the wrong type is named once, as such (not also as "required")
        TestTokens.asOfficer().contentType("application/json")
                .body("{\"number\":[\"AB1\"],\"issuingCountry\":\"PRT\",\"purpose\":\"check\",\"deadlineMs\":\"soon\"}")
                .when().post("/v1/search/document")
                .then().statusCode(400)
                .body("errors", hasSize(2))
                .body("errors.find { it.field == 'number' }.reason", equalTo("must be a string"))
                .body("errors.find { it.field == 'deadlineMs' }.reason", equalTo("must be a whole number"));
    }

    @Test
    void brokenJsonIsNamedWithLineColumnAndField() {
        // the value of purpose is not JSON: line 3, and the field it was in
        TestTokens.asOfficer().contentType("application/json")
                .body("{\"name\": \"Ana Souza\",\n \"dateOfBirth\": \"1990\",\n \"purpose\": identity check}")
                .when().post("/v1/search/person")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Invalid request"))
                .body("errors[0].field", equalTo("purpose"))
                .body("errors[0].reason", startsWith("not valid JSON at line 3, column "))
                .body("detail", startsWith("purpose: not valid JSON at line 3, column "));
        // cut short
        TestTokens.asOfficer().contentType("application/json").body("{\"number\": \"AB1\", \"purpose\": ")
                .when().post("/v1/search/document")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("purpose"))
                .body("errors[0].reason", allOf(startsWith("the body ends at line 1, column "),
                        endsWith("before its JSON is complete")));
        // a key twice
        TestTokens.asOfficer().contentType("application/json")
                .body("{\"plate\":\"AB12CD\",\"registrationCountry\":\"PRT\",\"plate\":\"XY98ZZ\",\"purpose\":\"stop\"}")
                .when().post("/v1/search/vehicle")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("plate"))
                .body("errors[0].reason", startsWith("appears twice at line 1, column "));
        // more than one object
        TestTokens.asOfficer().contentType("application/json")
                .body("{\"name\":\"Ana Souza\",\"purpose\":\"identity check\"} {}")
                .when().post("/v1/search/person")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("(body)"))
                .body("errors[0].reason", startsWith("more text follows the JSON object at line 1, column "));
        // other bodies than the searches' say where too (here the demo's token request)
        given().contentType("application/json").body("{\"officerId\": \"o-1\",\n \"agency\": }")
                .when().post("/demo/token")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("agency"))
                .body("errors[0].reason", startsWith("not valid JSON at line 2, column "));
    }

    @Test
    void oversizedBodyIs413Problem() {
        TestTokens.asOfficer().contentType("application/json")
                .body("{\"name\":\"" + "a".repeat(40_000) + "\",\"purpose\":\"check\"}")
                .when().post("/v1/search/person")
                .then().statusCode(413)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void wrongMediaTypeAndUnknownPathAreProblems() {
        TestTokens.asOfficer().contentType("text/plain").body("hello").when().post("/v1/search/person")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        TestTokens.asOfficer().when().get("/v1/nothing-here")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        TestTokens.asOfficer().when().get("/v1/search/person")
                .then().statusCode(405).contentType(startsWith("application/problem+json"));
    }
}
