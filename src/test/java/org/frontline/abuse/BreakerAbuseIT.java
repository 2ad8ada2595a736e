package org.frontline.abuse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #14, "any officer can take every source down for everyone", as an attack on the packaged
 * service ({@code ./mvnw verify} runs it against the built jar, prod profile, real PostgreSQL and
 * Redis): searches with random names and tiny deadlines, then many searches cut short by the
 * shortest deadline allowed while ASEANAPOL is slow, must leave every breaker closed: the next
 * officer's uncached question is answered by every source and {@code /v1/sources} shows them up.
 * The breakers keep their production settings (10 calls, half failed, rest 5 s).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(SourceDatabases.class)
@QuarkusTestResource(value = BreakerAbuseIT.ProdSettings.class, restrictToAnnotatedClass = true)
class BreakerAbuseIT {

    private static final List<String> SOURCES = SourceDatabases.SOURCES;

    /** What the prod profile needs to run in a test: the demo key as the issuer's, no trace exporter, patient sources. */
    public static class ProdSettings implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.otel.sdk.disabled", "true");
            // a busy 2-core machine must not read as a failing source: the sources' timeouts are generous, the
            // deadlines and the breakers are the production ones
            for (String source : SourceDatabases.SOURCES) {
                config.put("frontline.sources." + source + ".timeout", "4s");
            }
            return config;
        }

        @Override
        public void stop() {
        }
    }

    @AfterEach
    void heal() {
        FaultProxy.reset();
    }

    @Test
    void callersWithTinyDeadlinesCannotTakeTheSourcesDownForEveryoneElse() {
        // the first person question of a JVM pays for the matcher's start: not part of the attack
        String officer = TestTokens.token("abuse-warm-up", "BKA", "DEU", "RESTRICTED", "OFFICER");
        waitUntilEverySourceAnswers(officer);

        // the attack of the issue: fourteen (and more) person searches with random names and "deadlineMs": 3
        String attacker = TestTokens.token("abuse-attacker", "BKA", "DEU", "RESTRICTED", "OFFICER");
        for (int i = 0; i < 40; i++) {
            JsonPath problem = given().header("Authorization", "Bearer " + attacker).contentType(ContentType.JSON)
                    .body(Map.of("name", randomName(), "purpose", "identity check", "deadlineMs", 3))
                    .when().post("/v1/search/person")
                    .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
            assertEquals("deadlineMs", problem.getString("errors[0].field"));
        }
        // the same over the stream: refused before it starts
        given().header("Authorization", "Bearer " + attacker).contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("name", randomName(), "purpose", "identity check", "deadlineMs", 3))
                .when().post("/v1/search/person")
                .then().statusCode(400);

        // the shortest deadline allowed, while one source takes longer than that (but less than its own timeout)
        FaultProxy.delay(400);
        String hurried = TestTokens.token("abuse-hurried", "BKA", "DEU", "RESTRICTED", "OFFICER");
        int cutShort = 0;
        for (int i = 0; i < 30; i++) {
            JsonPath answer = person(hurried, randomName(), 200);
            for (String source : SOURCES) {
                assertTrue(!"CIRCUIT_OPEN".equals(status(answer, source)),
                        "search " + i + ": the breaker of " + source + " was opened by callers' deadlines");
            }
            if ("TIMEOUT".equals(status(answer, SourceDatabases.PROXIED))) {
                cutShort++;
            }
        }
        assertTrue(cutShort >= 20, "the slowed source should have been cut short by most callers' deadline: " + cutShort);
        FaultProxy.reset();

        // within the breakers' 5 s rest: an ordinary officer, an uncached question, every source answers
        String ordinary = TestTokens.token("abuse-bystander", "BKA", "DEU", "RESTRICTED", "OFFICER");
        JsonPath answer = person(ordinary, randomName(), null);
        for (String source : SOURCES) {
            assertEquals("OK", status(answer, source), source + " in " + answer.prettify());
        }
        assertEquals("NO_HIT", answer.getString("outcome"));
        JsonPath sources = given().header("Authorization", "Bearer " + ordinary).accept(ContentType.JSON)
                .when().get("/v1/sources").then().statusCode(200).extract().jsonPath();
        for (String source : SOURCES) {
            assertEquals("UP", sources.getString("find { it.id == '" + source + "' }.health"), source);
            assertEquals("CLOSED", sources.getString("find { it.id == '" + source + "' }.breaker"), source);
        }
    }

    private static JsonPath person(String token, String name, Integer deadlineMs) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "purpose", "identity check"));
        if (deadlineMs != null) {
            body.put("deadlineMs", deadlineMs);
        }
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(body).when().post("/v1/search/person")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String status(JsonPath answer, String source) {
        return answer.getString("sources.find { it.source == '" + source + "' }.status");
    }

    private static void waitUntilEverySourceAnswers(String token) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath answer = person(token, "Warm Up " + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x"), null);
            if (answer.getBoolean("complete")) {
                return;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("the service never answered from every source: " + answer.prettify());
            }
        }
    }

    /** A name nobody holds, so that every search reaches every source (none is answered from cache). */
    private static String randomName() {
        StringBuilder name = new StringBuilder();
        for (int part = 0; part < 2; part++) {
            name.append(part == 0 ? "" : " ").append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
            for (int i = 0; i < 7; i++) {
                name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
            }
        }
        return name.toString();
    }
}
