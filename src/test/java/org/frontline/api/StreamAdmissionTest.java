package org.frontline.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.RateLimits;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream is the JSON path: every refusal reaches a client that asked for
 * {@code text/event-stream} with the same status as one that asked for JSON, as an RFC 9457
 * problem, before any event. One table: each refusal, on each path.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class StreamAdmissionTest {

    private static final String JSON = "application/json";
    private static final String SSE = "text/event-stream";

    @AfterEach
    void heal() {
        FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.PASS);
    }

    /** One refusal: how to make it happen (a ready request), what to ask, and the status it must get. */
    private record Refusal(String name, Supplier<RequestSpecification> caller, String kind, Map<String, Object> body,
                           int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, Object> DOCUMENT = Map.of("number", "X9TEST001", "issuingCountry", "ESP",
            "purpose", "admission test");
    private static final Map<String, Object> VEHICLE = Map.of("vin", "1M8GDM9AXKP042788", "purpose", "admission test");

    static Stream<Arguments> refusals() {
        List<Refusal> table = List.of(
                new Refusal("401 no token", RestAssured::given, "document", DOCUMENT, 401),
                new Refusal("401 bad token", () -> bearer(TestTokens.tampered()), "document", DOCUMENT, 401),
                new Refusal("403 role may not ask", () -> bearer(TestTokens.borderGuard()), "vehicle", VEHICLE, 403),
                new Refusal("429 rate limited", RateLimits::exhaustedOfficer, "document", DOCUMENT, 429),
                new Refusal("503 audit down", () -> {
                    FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.RESET);
                    return bearer(TestTokens.officer());
                }, "document", DOCUMENT, 503));
        List<Arguments> cases = new ArrayList<>();
        for (Refusal r : table) {
            cases.add(Arguments.of(r, JSON));
            cases.add(Arguments.of(r, SSE));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("refusals")
    void everyRefusalReachesBothPathsAsAProblemBeforeAnyEvent(Refusal refusal, String accept) {
        Response r = refusal.caller().get().contentType(JSON).accept(accept).body(refusal.body())
                .when().post("/v1/search/" + refusal.kind());
        String body = r.asString();
        assertEquals(refusal.status(), r.statusCode(), refusal + " as " + accept + ": " + body);
        assertTrue(r.contentType().startsWith(Problem.MEDIA_TYPE), refusal + " as " + accept + ": " + r.contentType());
        assertTrue(body.contains("\"status\":" + refusal.status()), body);
        assertFalse(body.contains("event:") || body.contains("X9TEST001") || body.contains("1M8GDM9AXKP042788"),
                "no event and no query value: " + body);
        if (refusal.status() == 429) {
            assertNotNull(r.header("Retry-After"));
        }
    }

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

}
