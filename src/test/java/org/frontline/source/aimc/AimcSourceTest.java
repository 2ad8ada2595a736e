package org.frontline.source.aimc;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.frontline.cache.SourceCache;
import org.frontline.source.Source;
import org.frontline.source.SourceRegistry;
import org.frontline.testsupport.AimcDatabase;
import org.frontline.testsupport.MariaDbDatabases;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.frontline.testsupport.Waiting;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AIMC as the service's sixth source, on a real MariaDB, with the cache on: configured by
 * {@code frontline.sources.aimc.*} (type mariadb) and nothing else, listed and healthy, answering person
 * and document questions beside the five PostgreSQL sources, and fresh: an alert the Council's clerk
 * adds is in the answer within the polled change table's bound even though the answer before it was
 * cached ({@code org.frontline.cache.ChangePoller}: listen-probe + 2 x listen-probe-timeout, 1.25 s).
 */
@QuarkusTest
@TestProfile(AimcSourceTest.WithAimc.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AimcSourceTest {

    /** The freshness bound of a polled change table at the default settings (ChangePoller). */
    static final Duration BOUND = Duration.ofMillis(250 + 2 * 500);

    public static class WithAimc implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(AimcDatabase.class));
        }
    }

    @Inject
    SourceRegistry registry;
    @Inject
    SourceCache cache;
    @Inject
    MeterRegistry meters;

    static JsonPath post(String kind, Map<String, Object> body) {
        return TestTokens.asOfficer().contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/v1/search/" + kind).then().statusCode(200).extract().jsonPath();
    }

    static String status(JsonPath answer, String source) {
        return answer.getString("sources.find { it.source == '" + source + "' }.status");
    }

    void awaitFeeds() {
        Waiting.until(Duration.ofSeconds(15), () -> "all listening".equals(cache.status().get("change-feeds")),
                () -> "change feeds: " + cache.status());
    }

    @Test
    void sixSourcesAndAimcIsListedHealthy() {
        assertEquals(List.of("aimc", "ameripol", "aseanapol", "europol", "gccpol", "interpol"),
                registry.all().stream().map(Source::id).toList());
        JsonPath sources = TestTokens.asOfficer().when().get("/v1/sources").then().statusCode(200).extract().jsonPath();
        String it = "find { it.id == 'aimc' }";
        assertEquals("AIMC", sources.getString(it + ".organisation"));
        assertEquals(List.of("PERSON", "DOCUMENT", "VEHICLE"), sources.getList(it + ".kinds"));
        assertEquals("UP", sources.getString(it + ".health"));
        String ready = given().when().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'sources' }.data.aimc");
        assertTrue(ready != null && ready.startsWith("UP"), "readiness names it: " + ready);
    }

    @Test
    void aClerksArabicRecordWithAHijriDateAnswersALatinQuestionWithAGregorianDate() {
        JsonPath answer = post("person", Map.of("name", AimcDatabase.WANTED_NAME, "dateOfBirth",
                AimcDatabase.WANTED_DATE_OF_BIRTH, "purpose", "identity check"));
        assertEquals("HIT", answer.getString("outcome"), answer.prettify());
        assertEquals("ARREST", answer.getString("action"));
        assertEquals(6, answer.getList("sources").size());
        for (String source : List.of("aimc", "ameripol", "aseanapol", "europol", "gccpol", "interpol")) {
            assertEquals("OK", status(answer, source), source);
        }
        assertTrue(answer.getList("subjects.records.flatten().source").contains("aimc"), answer.prettify());
    }

    @Test
    void aStolenPassportIsFound() {
        JsonPath answer = post("document", Map.of("number", AimcDatabase.STOLEN_PASSPORT, "issuingCountry", "JOR",
                "purpose", "border check"));
        assertEquals("HIT", answer.getString("outcome"), answer.prettify());
        assertEquals(1, answer.getInt("sources.find { it.source == 'aimc' }.records"));
    }

    @Test
    void theStreamSendsSixSourceEventsThenTheAnswer() {
        String body = TestTokens.asOfficer().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("number", AimcDatabase.STOLEN_PASSPORT, "issuingCountry", "JOR", "purpose", "border check"))
                .when().post("/v1/search/document")
                .then().statusCode(200)
                .extract().asString();
        List<String> events = body.lines().filter(l -> l.startsWith("event:")).map(l -> l.substring(6).trim()).toList();
        assertEquals(7, events.size(), body);
        assertTrue(events.subList(0, 6).stream().allMatch("source"::equals), body);
        assertEquals("answer", events.get(6));
        assertTrue(body.contains("\"source\":\"aimc\""), body);
        assertTrue(body.contains("\"outcome\":\"HIT\""), body);
    }

    /** A cached NO_HIT becomes a HIT within the bound of the insert, with no invalidation but the polled table's. */
    @Test
    void aCachedNoHitBecomesAHitWithinTheBoundOfTheClerksInsert() {
        awaitFeeds();
        String number = "AQ" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        Map<String, Object> question = Map.of("number", number, "issuingCountry", "JOR", "purpose", "border check");
        assertEquals("NO_HIT", post("document", question).getString("outcome"));
        double hitsBefore = l1Hits();
        assertEquals("NO_HIT", post("document", question).getString("outcome"));
        assertEquals(hitsBefore + 1, l1Hits(), "the second no-hit came from the cache");

        MariaDbDatabases.execute(AimcDatabase.DB, "INSERT INTO aimc_document (document_no, issuing_country,"
                + " document_kind, document_state, state_date, issuing_state, contact) VALUES ('" + number
                + "', 'JOR', 'JAWAZ', 'MASRUQ', CURRENT_DATE, 'JOR', 'Amman desk')");
        long committed = System.nanoTime();
        Waiting.until(BOUND.plusMillis(500), () -> "HIT".equals(post("document", question).getString("outcome")),
                () -> "still no hit");
        long tookMs = (System.nanoTime() - committed) / 1_000_000;
        System.out.printf("AimcSourceTest: document hit %d ms after the insert (bound %d ms)%n", tookMs, BOUND.toMillis());
        assertTrue(tookMs <= BOUND.toMillis() + 300, "hit after " + tookMs + " ms (bound " + BOUND.toMillis() + " ms)");
    }

    /** A new bulletin on a person already asked about (and cached) is in the answer within the bound. */
    @Test
    void aNewBulletinOnACachedPersonIsSeenWithinTheBound() {
        awaitFeeds();
        long id = 9_600_000 + ThreadLocalRandom.current().nextInt(100_000);
        String family = "Zarqawen" + Long.toString(id, 36).replaceAll("[0-9]", "x");
        MariaDbDatabases.execute(AimcDatabase.DB, "INSERT INTO aimc_person (person_id, given_latin, family_latin,"
                + " birth_date, birth_calendar, sex) VALUES (" + id + ", 'Hamdiya', '" + family + "', '1988-03-03', 'G', '2')");
        Map<String, Object> question = Map.of("name", "Hamdiya " + family, "dateOfBirth", "1988-03-03",
                "purpose", "identity check");
        Waiting.until(BOUND.plusMillis(500), () -> post("person", question).getInt("sources.find { it.source == 'aimc' }.records") == 1,
                () -> "the new person is not found");
        assertEquals("NO_ACTION", actionOr(post("person", question)));
        double hitsBefore = l1Hits();
        post("person", question);
        assertEquals(hitsBefore + 1, l1Hits(), "the person's answer is cached");

        MariaDbDatabases.execute(AimcDatabase.DB, "INSERT INTO aimc_bulletin (bulletin_no, person_id, bulletin_type,"
                + " measure, issued_on, issuing_state, contact) VALUES ('AIMC/1447/" + id + "', " + id + ", 'BAHTH',"
                + " 'LOCATE', CURRENT_DATE, 'JOR', 'Amman desk')");
        long committed = System.nanoTime();
        Waiting.until(BOUND.plusMillis(500), () -> "LOCATE".equals(actionOr(post("person", question))),
                () -> "the new bulletin is not in the answer");
        long tookMs = (System.nanoTime() - committed) / 1_000_000;
        System.out.printf("AimcSourceTest: bulletin seen %d ms after the insert (bound %d ms)%n", tookMs, BOUND.toMillis());
        assertTrue(tookMs <= BOUND.toMillis() + 300, "seen after " + tookMs + " ms (bound " + BOUND.toMillis() + " ms)");
    }

    static String actionOr(JsonPath answer) {
        String action = answer.getString("action");
        return action == null ? "NO_ACTION" : action;
    }

    double l1Hits() {
        var c = meters.find("frontline.cache.requests").tag("source", "aimc").tag("tier", "l1").tag("result", "hit").counter();
        return c == null ? 0 : c.count();
    }
}
