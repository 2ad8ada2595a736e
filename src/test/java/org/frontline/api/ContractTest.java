package org.frontline.api;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract in openapi/ is what the service serves, and what it answers conforms to it. After a
 * deliberate change of the API, regenerate the file with
 * {@code ./mvnw test -Dtest=ContractTest -Dcontract.write=true} and review the diff.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class ContractTest {

    static final Path CONTRACT = Path.of("openapi/frontline-query.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void servedContractIsTheCommittedOne() throws Exception {
        String served = given().accept(ContentType.JSON).when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        JsonNode servedNode = JSON.readTree(served);
        if (Boolean.getBoolean("contract.write")) {
            Files.writeString(CONTRACT, JSON.writeValueAsString(JSON.treeToValue(servedNode, Object.class)) + "\n");
        }
        JsonNode committed = JSON.readTree(Files.readString(CONTRACT));
        assertEquals(committed, servedNode, "the served contract differs from " + CONTRACT
                + "; if the change is deliberate, regenerate it with -Dcontract.write=true");
    }

    @Test
    void everyOperationHasAnIdExamplesAndErrors() throws Exception {
        JsonNode paths = JSON.readTree(Files.readString(CONTRACT)).get("paths");
        for (String path : new String[] {"/v1/search/person", "/v1/search/document", "/v1/search/vehicle",
                "/v1/search/mrz"}) {
            JsonNode op = paths.get(path).get("post");
            assertTrue(op.hasNonNull("operationId"), path);
            assertTrue(op.get("requestBody").get("content").get("application/json").has("examples"), path);
            assertTrue(op.get("responses").get("200").get("content").get("application/json").has("examples"), path);
            assertTrue(op.get("responses").has("400") && op.get("responses").has("413"), path);
        }
        JsonNode manifest = paths.get("/v1/screen/manifest").get("post");
        assertTrue(manifest.hasNonNull("operationId"));
        assertTrue(manifest.get("requestBody").get("content").get("application/json").has("examples"));
        assertTrue(manifest.get("requestBody").get("content").get("text/csv").has("examples"));
        assertTrue(manifest.get("responses").get("200").get("content").get("application/x-ndjson").has("examples"));
        assertTrue(manifest.get("responses").get("200").get("content").get("text/event-stream").has("examples"));
        assertTrue(manifest.get("responses").has("400") && manifest.get("responses").has("413"));
        assertTrue(paths.get("/v1/sources").get("get").hasNonNull("operationId"));
    }

    @Test
    void answersAndProblemsConformToTheContract() {
        OpenApiValidationFilter contract = new OpenApiValidationFilter(CONTRACT.toUri().toString());
        TestTokens.asOfficer().filter(contract).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("name", "Yuriy Shcherbakov", "purpose", "identity check"))
                .when().post("/v1/search/person").then().statusCode(200);
        TestTokens.asOfficer().filter(contract).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("number", "X9TEST001", "issuingCountry", "ESP", "purpose", "border check"))
                .when().post("/v1/search/document").then().statusCode(200);
        TestTokens.asOfficer().filter(contract).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("vin", "1M8GDM9AXKP042788", "purpose", "traffic stop"))
                .when().post("/v1/search/vehicle").then().statusCode(200);
        TestTokens.asOfficer().filter(contract).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("number", "X9TEST001", "issuingCountry", "ZZZ", "purpose", "border check"))
                .when().post("/v1/search/document").then().statusCode(400);
        TestTokens.asOfficer().filter(contract).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("mrz", "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6",
                        "purpose", "border check"))
                .when().post("/v1/search/mrz").then().statusCode(200);
        TestTokens.asOfficer().filter(contract).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("mrz", "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458908UTO7408122F1204159<<<<<<<6",
                        "purpose", "border check"))
                .when().post("/v1/search/mrz").then().statusCode(400);
        TestTokens.asOfficer().filter(contract).contentType(ContentType.JSON).accept("application/x-ndjson")
                .body(Map.of("purpose", "border check", "travellers", List.of()))
                .when().post("/v1/screen/manifest").then().statusCode(400);
        TestTokens.asOfficer().filter(contract).accept(ContentType.JSON).when().get("/v1/sources").then().statusCode(200);
    }
}
