package org.frontline.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.frontline.testsupport.SourceDatabases;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * Outside the demo profile the demo token endpoint does not exist: 404 like any unknown path, before
 * anything of the request is read — an empty or malformed body, another method or media type must
 * not reveal (400 with the field list, 405, 415) that something answers there.
 */
@QuarkusTest
@TestProfile(DemoTokenDisabledTest.WithoutDemoTokens.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class DemoTokenDisabledTest {

    public static class WithoutDemoTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("frontline.demo.token-endpoint", "false");
        }
    }

    @Test
    void demoTokenIsNotFound() {
        RestAssured.given().contentType("application/json")
                .body("{\"officerId\":\"x\",\"agency\":\"y\",\"country\":\"PRT\",\"roles\":[\"OFFICER\"]}")
                .post("/demo/token").then().statusCode(404);
    }

    @Test
    void nothingOfTheRequestIsReadFirst() {
        RestAssured.given().contentType("application/json").body("{}")
                .post("/demo/token").then().statusCode(404).contentType("application/problem+json");
        RestAssured.given().contentType("application/json").body("{\"officerId\":")
                .post("/demo/token").then().statusCode(404);
        RestAssured.given().contentType("application/json").body("{\"nonsense\":1}")
                .post("/demo/token").then().statusCode(404);
        RestAssured.given().contentType("text/plain").body("x").post("/demo/token").then().statusCode(404);
        RestAssured.given().get("/demo/token").then().statusCode(404);
    }
}
