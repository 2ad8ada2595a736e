package org.frontline.source.eco;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.frontline.cache.SourceCache;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.Alert;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.source.Entries;
import org.frontline.sourcedata.SyntheticWorldAccess;
import org.frontline.model.PersonRecord;
import org.frontline.model.SourceStatus;
import org.frontline.partner.eco.EcoPartnerProcess;
import org.frontline.source.Source;
import org.frontline.source.SourceCall;
import org.frontline.source.SourceRegistry;
import org.frontline.testsupport.AimcDatabase;
import org.frontline.testsupport.EcoPartner;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.InjectedFaults;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.frontline.testsupport.Waiting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ECO, the seventh source (beside the five PostgreSQL sources and AIMC on its MariaDB), against the real
 * partner API process over real HTTP (and, for the connection faults, through the project's TCP proxy), with
 * the cache on: NO_HIT only when all seven answered, seven source events on the stream; configured by {@code frontline.sources.eco.*}
 * (type http) alone; answers person, document and vehicle questions; fetches and refreshes its token; waits
 * out a 429 only within its time; 5xx, malformed JSON, a slow page and a cut connection become the source's
 * failure statuses and never a NO_HIT; ECO's restrictions are honoured; a change the partner announces
 * reaches a cached answer.
 */
@QuarkusTest
@TestProfile(EcoSourceTest.WithEco.class)
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class EcoSourceTest {

    public static class WithEco implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            // AIMC too (its MariaDB): seven sources, every one of them asked
            return List.of(new TestResourceEntry(AimcDatabase.class), new TestResourceEntry(EcoPartner.class));
        }
    }

    @Inject
    SourceRegistry registry;
    @Inject
    SourceCache cache;

    @AfterEach
    void heal() {
        FaultProxy.mode(EcoPartner.ID, FaultProxy.Mode.PASS);
        partner().heal();
    }

    static EcoPartnerProcess partner() {
        return EcoPartner.process();
    }

    static JsonPath post(String token, String kind, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/v1/search/" + kind).then().statusCode(200).extract().jsonPath();
    }

    static String status(JsonPath answer) {
        return answer.getString("sources.find { it.source == 'eco' }.status");
    }

    static long stat(String name) {
        return new JsonObject(partner().admin("GET", "/admin/stats", null)).getLong(name, 0L);
    }

    /** A name nobody holds, new each time: never answered from the cache. */
    static Map<String, Object> nobody() {
        return Map.of("name", "Quintilian " + UUID.randomUUID().toString().replaceAll("[^a-f]", "") + " Vexworth",
                "purpose", "identity check");
    }

    Source eco() {
        return registry.byId("eco").orElseThrow();
    }

    SourceCall<List<PersonRecord>> ask(String name, Duration deadline) {
        return eco().call(c -> c.findPersonCandidates(name, null, 25), deadline).await().atMost(Duration.ofSeconds(20));
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void awaitFeeds() {
        Waiting.until(Duration.ofSeconds(20), () -> "all listening".equals(cache.status().get("change-feeds")),
                () -> "change feeds: " + cache.status());
    }

    @Test
    void sevenSourcesAndEcoAnswersPersonDocumentVehicle() {
        assertEquals(List.of("aimc", "ameripol", "aseanapol", "eco", "europol", "gccpol", "interpol"),
                registry.all().stream().map(Source::id).toList());
        JsonPath sources = TestTokens.asOfficer().when().get("/v1/sources").then().statusCode(200).extract().jsonPath();
        assertEquals("ECO", sources.getString("find { it.id == 'eco' }.organisation"));

        JsonPath person = post(TestTokens.officer(), "person", Map.of("name", EcoPartner.WANTED_NAME,
                "dateOfBirth", EcoPartner.WANTED_DATE_OF_BIRTH, "purpose", "identity check"));
        assertEquals("OK", status(person));
        assertEquals("HIT", person.getString("outcome"));
        assertTrue(person.prettify().contains(EcoPartner.WANTED_NOTICE), person.prettify());

        JsonPath document = post(TestTokens.officer(), "document", Map.of("number", EcoPartner.STOLEN_PASSPORT,
                "issuingCountry", "TUR", "purpose", "border check"));
        assertEquals("OK", status(document));
        assertEquals("HIT", document.getString("outcome"), document.prettify());

        JsonPath vehicle = post(TestTokens.officer(), "vehicle", Map.of("plate", EcoPartner.STOLEN_PLATE,
                "registrationCountry", "TUR", "purpose", "traffic stop"));
        assertEquals("OK", status(vehicle));
        assertEquals("HIT", vehicle.getString("outcome"), vehicle.prettify());
    }

    @Test
    void noHitOnlyWhenAllSevenAnsweredAndTheStreamSendsSevenSourceEvents() {
        JsonPath nobody = post(TestTokens.officer(), "person", nobody());
        assertEquals(7, nobody.getList("sources").size());
        assertTrue(nobody.getList("sources.status").stream().allMatch("OK"::equals), nobody.prettify());
        assertEquals("NO_HIT", nobody.getString("outcome"));
        partner().faults("{\"status\": 500}");
        JsonPath missing = post(TestTokens.officer(), "person", nobody());
        assertEquals("ERROR", status(missing));
        assertEquals("INCOMPLETE", missing.getString("outcome"), "six answers are not a no-hit");
        partner().heal();

        String body = TestTokens.asOfficer().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("number", EcoPartner.STOLEN_PASSPORT, "issuingCountry", "TUR", "purpose", "border check"))
                .when().post("/v1/search/document")
                .then().statusCode(200)
                .extract().asString();
        List<String> events = body.lines().filter(l -> l.startsWith("event:")).map(l -> l.substring(6).trim()).toList();
        assertEquals(8, events.size(), body);
        assertTrue(events.subList(0, 7).stream().allMatch("source"::equals), body);
        assertEquals("answer", events.get(7));
        assertTrue(body.contains("\"source\":\"eco\""), body);
        assertTrue(body.contains("\"outcome\":\"HIT\""), body);
    }

    /**
     * What the world gave ECO, written by {@link EcoWriter} into the partner's database, served by the partner
     * and read by {@link EcoConnector}, is what was written: every notice of 20 persons (type, measure,
     * cautions, date, releasability, grading, handling, contact) and 20 documents with their restrictions.
     */
    @Test
    void whatTheWriterGaveThePartnerReadsBackAsWritten() {
        EcoWriter writer = new EcoWriter();
        PersonNameMatcher matcher = PersonNameMatcher.create();
        List<Entries.Person> withNotices = new ArrayList<>();
        SyntheticWorldAccess.ecoPersons(SourceDatabases.SEED, EcoPartner.PERSONS, p -> {
            if (!p.walkthrough() && !p.alerts().isEmpty() && withNotices.size() < 20) {
                withNotices.add(p);
            }
        });
        assertEquals(20, withNotices.size());
        for (Entries.Person p : withNotices) {
            String name = p.name().natural();
            Integer year = p.dateOfBirth() == null ? null : p.dateOfBirth().year();
            SourceCall<List<PersonRecord>> call = eco().call(c -> c.findPersonCandidates(matcher.searchKey(name), year, 25),
                    Duration.ofSeconds(8)).await().atMost(Duration.ofSeconds(20));
            assertEquals(SourceStatus.OK, call.status(), call.detail());
            PersonRecord record = call.value().stream().filter(r -> r.recordId().equals(p.recordId())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " (" + p.recordId() + ") not among ECO's candidates"));
            assertEquals(p.dateOfBirth() == null ? null : EcoVocabulary.dateOfBirth(EcoVocabulary.birthDate(p.dateOfBirth())),
                    record.dateOfBirth(), name);
            assertEquals(p.nationality(), record.nationality(), name);
            List<Alert> expected = p.alerts().stream().map(writer::normalize).sorted(Comparator.comparing(Alert::alertId)).toList();
            List<Alert> read = record.alerts().stream().sorted(Comparator.comparing(Alert::alertId)).toList();
            assertEquals(expected.size(), read.size(), name);
            for (int i = 0; i < expected.size(); i++) {
                Alert e = expected.get(i);
                Alert r = read.get(i);
                assertEquals(e.alertId(), r.alertId());
                assertEquals(e.category(), r.category(), e.alertId());
                assertEquals(e.action(), r.action(), e.alertId());
                assertEquals(Set.copyOf(e.warnings()), Set.copyOf(r.warnings()), e.alertId());
                assertEquals(e.issuedOn(), r.issuedOn(), e.alertId());
                assertEquals(e.restrictions().countries(), r.restrictions().countries(), e.alertId());
                assertEquals(e.restrictions().minimumClearance(), r.restrictions().minimumClearance(), e.alertId());
                assertEquals(e.restrictions().whenRestricted(), r.restrictions().whenRestricted(), e.alertId());
                assertEquals(e.contactPoint(), r.contactPoint(), e.alertId());
            }
        }
        List<Entries.Document> documents = new ArrayList<>();
        SyntheticWorldAccess.ecoDocuments(SourceDatabases.SEED, EcoPartner.PERSONS, d -> {
            if (!d.walkthrough() && documents.size() < 20) {
                documents.add(d);
            }
        });
        for (Entries.Document d : documents) {
            SourceCall<List<DocumentRecord>> call = eco().call(c -> c.findDocuments(
                    new DocumentQuery(d.number(), d.country(), null)), Duration.ofSeconds(8)).await().atMost(Duration.ofSeconds(20));
            assertEquals(SourceStatus.OK, call.status(), call.detail());
            DocumentRecord record = call.value().stream().filter(r -> r.number().equals(d.number())).findFirst()
                    .orElseThrow(() -> new AssertionError("document " + d.recordId() + " not found"));
            assertEquals(writer.documentType(d.type()), record.type());
            assertEquals(d.status(), record.alerts().get(0).category());
            assertEquals(d.restrictedTo(), record.alerts().get(0).restrictions().countries());
            assertEquals(d.reportedOn(), record.alerts().get(0).issuedOn());
        }
    }

    @Test
    void pagesAreFollowedUpToTheBound() {
        long before = stat("subjects");
        SourceCall<List<PersonRecord>> call = ask("mohammad", Duration.ofSeconds(8));
        assertEquals(SourceStatus.OK, call.status(), call.detail());
        long pages = stat("subjects") - before;
        // page-size 3, max-pages 4: a common name fills every page it may read, and no more
        assertEquals(4, pages, "pages read");
        assertEquals(4 * EcoPartner.PAGE_SIZE, call.value().size());
    }

    @Test
    void anExpiredTokenIsReplacedOnceAndTheQuestionAnswered() {
        ask("warm up " + UUID.randomUUID(), Duration.ofSeconds(8));
        long tokens = stat("token");
        long refused = stat("unauthorised");
        partner().admin("POST", "/admin/tokens/revoke", null);   // every token the partner gave is now unknown to it
        SourceCall<List<PersonRecord>> call = ask(EcoPartner.WANTED_NAME, Duration.ofSeconds(8));
        assertEquals(SourceStatus.OK, call.status(), call.detail());
        assertEquals(refused + 1, stat("unauthorised"), "one 401");
        assertEquals(tokens + 1, stat("token"), "one new token");
    }

    @Test
    void aShortLivedTokenIsRefreshedBeforeItExpires() {
        partner().faults("{\"tokenTtlMs\": 2000}");
        partner().admin("POST", "/admin/tokens/revoke", null);
        ask("first " + UUID.randomUUID(), Duration.ofSeconds(8));   // a 401, then a 2 s token
        long refused = stat("unauthorised");
        long tokens = stat("token");
        for (int i = 0; i < 6; i++) {
            SourceCall<List<PersonRecord>> call = ask("again " + UUID.randomUUID(), Duration.ofSeconds(8));
            assertEquals(SourceStatus.OK, call.status(), call.detail());
            pause(500);
        }
        assertEquals(refused, stat("unauthorised"), "no 401: the token was replaced before it expired");
        assertTrue(stat("token") > tokens, "tokens fetched again");
    }

    @Test
    void aRetryAfterWithinTheSourceTimeIsWaitedOut() {
        ask("warm up " + UUID.randomUUID(), Duration.ofSeconds(8));
        partner().faults("{\"throttle\": 1, \"retryAfterSeconds\": 1}");
        SourceCall<List<PersonRecord>> call = ask(EcoPartner.WANTED_NAME, Duration.ofSeconds(8));
        assertEquals(SourceStatus.OK, call.status(), call.detail());
        assertTrue(call.latencyMs() >= 1000, "waited " + call.latencyMs() + " ms");
    }

    @Test
    void aRetryAfterBeyondTheSourceTimeIsBusyAtOnce() {
        ask("warm up " + UUID.randomUUID(), Duration.ofSeconds(8));
        partner().faults("{\"throttle\": 1, \"retryAfterSeconds\": 30}");
        long start = System.nanoTime();
        SourceCall<List<PersonRecord>> call = ask(EcoPartner.WANTED_NAME, Duration.ofSeconds(8));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(SourceStatus.BUSY, call.status());
        assertTrue(ms < 2000, "answered after " + ms + " ms");
        JsonPath answer = post(TestTokens.officer(), "person", nobody());
        assertEquals("OK", status(answer), "the throttle was for one request");
    }

    @Test
    void serverErrorsAndMalformedAnswersAreErrorsNeverNoHit() {
        partner().faults("{\"status\": 503}");
        JsonPath answer = post(TestTokens.officer(), "person", nobody());
        assertEquals("ERROR", status(answer));
        assertEquals("INCOMPLETE", answer.getString("outcome"));
        partner().faults("{\"malformed\": true}");
        answer = post(TestTokens.officer(), "person", nobody());
        assertEquals("ERROR", status(answer));
        assertEquals("INCOMPLETE", answer.getString("outcome"));
        partner().heal();
        answer = post(TestTokens.officer(), "person", nobody());
        assertEquals("OK", status(answer));
    }

    @Test
    void aSlowSecondPageRunsPastTheDeadline() {
        partner().faults("{\"delayMs\": 6000, \"delayFromPage\": 2}");
        long start = System.nanoTime();
        SourceCall<List<PersonRecord>> call = ask("mohammad", Duration.ofMillis(1500));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(SourceStatus.TIMEOUT, call.status());
        assertTrue(ms < 2500, "answered after " + ms + " ms");
        Map<String, Object> question = Map.of("name", "Mohammad", "purpose", "identity check", "deadlineMs", 1500);
        JsonPath answer = post(TestTokens.officer(), "person", question);
        assertEquals("TIMEOUT", status(answer));
        assertFalse("NO_HIT".equals(answer.getString("outcome")));
    }

    /**
     * A partner that answers a page with a body that goes on and on (50 MB, chunked, no length declared): the
     * read stops at max-response-bytes (1M by default), long before the partner has sent its body, and ECO is
     * ERROR with a log line that names the bound and not the question; the six others answer as ever.
     */
    @Test
    void anOversizedAnswerIsReadOnlyUpToItsBoundAndIsAnError() throws Exception {
        long body = 50_000_000;
        // the connection we close on the partner mid-body is logged by the REST client: expected here
        InjectedFaults.begin("eco-oversized", "the ECO partner sends an oversized body");
        try {
            partner().faults("{\"oversizedBytes\": " + body + "}");
            Map<String, Object> question = nobody();
            JsonPath answer = post(TestTokens.officer(), "person", question);
            assertEquals("ERROR", status(answer), answer.prettify());
            assertEquals("INCOMPLETE", answer.getString("outcome"));
            for (String other : List.of("aimc", "ameripol", "aseanapol", "europol", "gccpol", "interpol")) {
                assertEquals("OK", answer.getString("sources.find { it.source == '" + other + "' }.status"), other);
            }
            // the partner stops when we hang up: what it sent settles far below its body
            long[] sent = {-1};
            Waiting.until(Duration.ofSeconds(5), () -> {
                long before = sent[0];
                pause(300);
                sent[0] = stat("oversizedSent");
                return sent[0] == before;
            }, () -> "the partner is still sending");
            assertTrue(sent[0] > 0 && sent[0] < body / 4, "the partner sent " + sent[0] + " of " + body + " bytes");
            String log = java.nio.file.Files.readString(java.nio.file.Path.of("target", "frontline-test.log"));
            assertTrue(log.contains("source eco: the partner API's answer is larger than max-response-bytes (1048576)"), "logged");
            assertFalse(log.contains(String.valueOf(question.get("name"))), "the question is not in the log");
        } finally {
            InjectedFaults.end("eco-oversized");
        }
        partner().heal();
        assertEquals("OK", status(post(TestTokens.officer(), "person", nobody())));
    }

    @Test
    void connectionFaultsThroughTheProxy() {
        FaultProxy.mode(EcoPartner.ID, FaultProxy.Mode.BLACKHOLE);
        JsonPath answer = post(TestTokens.officer(), "person", Map.of("name", "Quintilian Vexworth " + System.nanoTime() % 1000,
                "purpose", "identity check", "deadlineMs", 1500));
        assertEquals("TIMEOUT", status(answer));
        assertEquals("INCOMPLETE", answer.getString("outcome"));
        FaultProxy.mode(EcoPartner.ID, FaultProxy.Mode.RESET);
        answer = post(TestTokens.officer(), "person", nobody());
        assertTrue(List.of("ERROR", "TIMEOUT").contains(status(answer)), status(answer));
        assertEquals("INCOMPLETE", answer.getString("outcome"));
    }

    @Test
    void ecoRestrictionsAreHonouredAndUnreadableOnesFailClosed() {
        Map<String, Object> question = Map.of("name", EcoPartner.LISTED_NAME, "purpose", "identity check");
        String german = post(TestTokens.officer(), "person", question).prettify();
        assertFalse(german.contains(EcoPartner.LISTED_NOTICE), german);
        assertFalse(german.contains(EcoPartner.UNREADABLE_NOTICE), german);
        String iranian = post(TestTokens.token("officer-ir-1", "FARAJA", "IRN", "RESTRICTED", "OFFICER"), "person", question)
                .prettify();
        assertTrue(iranian.contains(EcoPartner.LISTED_NOTICE), iranian);
        assertTrue(iranian.contains(EcoPartner.UNREADABLE_NOTICE), "the owner still sees its notice: " + iranian);
        String turkish = post(TestTokens.token("officer-tr-1", "EGM", "TUR", "RESTRICTED", "OFFICER"), "person", question)
                .prettify();
        assertFalse(turkish.contains(EcoPartner.LISTED_NOTICE), turkish);
        assertFalse(turkish.contains(EcoPartner.UNREADABLE_NOTICE),
                "a list with a code we cannot read restricts to the owner, not to the states it names: " + turkish);
    }

    @Test
    void withoutItsChangeStreamEcoIsNotCached() {
        awaitFeeds();
        Map<String, Object> question = Map.of("name", EcoPartner.WANTED_NAME, "purpose", "identity check");
        post(TestTokens.officer(), "person", question);
        long asked = stat("subjects");
        post(TestTokens.officer(), "person", question);
        assertEquals(asked, stat("subjects"), "cached while the stream is up");

        partner().feed(false);
        Waiting.until(Duration.ofSeconds(5), () -> cache.status().get("change-feeds").contains("eco"),
                () -> "ECO's feed still counted as listening: " + cache.status());
        asked = stat("subjects");
        assertEquals("OK", status(post(TestTokens.officer(), "person", question)));
        assertEquals("OK", status(post(TestTokens.officer(), "person", question)));
        assertTrue(stat("subjects") >= asked + 2, "both questions went to the partner: ECO is not cached without its stream");

        partner().feed(true);
        awaitFeeds();
        post(TestTokens.officer(), "person", question);
        asked = stat("subjects");
        post(TestTokens.officer(), "person", question);
        assertEquals(asked, stat("subjects"), "cached again once the stream is back");
    }

    @Test
    void aChangeThePartnerAnnouncesReachesACachedAnswer() {
        awaitFeeds();
        Map<String, Object> question = Map.of("name", "Ozlem Karabulutova", "dateOfBirth", "1990-09-09", "purpose", "identity check");
        EcoPartner.execute("DELETE FROM eco_subject WHERE subject_id = 99000010",
                "INSERT INTO eco_subject (subject_id, surname, forenames, birth_date, sex, citizenship)"
                        + " VALUES (99000010, 'Karabulutova', 'Ozlem', '09.09.1990', 'F', 'KAZ')");
        awaitFeeds();
        // the insert's own announcement may reach the service after the first question, and rightly empties
        // the cache once more: the pair is asked again until the second answer comes from the cache
        JsonPath[] cached = new JsonPath[1];
        Waiting.until(Duration.ofSeconds(5), () -> {
            assertEquals("OK", status(post(TestTokens.officer(), "person", question)));
            long asked = stat("subjects");
            cached[0] = post(TestTokens.officer(), "person", question);
            assertEquals("OK", status(cached[0]));
            return asked == stat("subjects");
        }, () -> "the second answer never came from the cache");
        assertFalse(cached[0].prettify().contains("ECO-N-2025-990010"));

        EcoPartner.execute("INSERT INTO eco_notice (notice_ref, subject_id, notice_type, measure, issued, originator,"
                + " point_of_contact) VALUES ('ECO-N-2025-990010', 99000010, 'MISSING', 'TRACE', '2025-06-01', 'KAZ', 'Astana')");
        Waiting.until(Duration.ofSeconds(3), () -> post(TestTokens.officer(), "person", question).prettify()
                .contains("ECO-N-2025-990010"), () -> "the new notice is not in the answer");
    }
}
