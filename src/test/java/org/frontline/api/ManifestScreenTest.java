package org.frontline.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.frontline.sourcedata.Walkthrough;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /v1/screen/manifest end to end, against the test world's sources, Redis and audit database:
 * lines per traveller and the summary, JSON and CSV, bad rows, refusals, the audit per traveller,
 * travellers asked once, need-to-know, the manifests' rate-limit budget.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class ManifestScreenTest {

    private static final String PATH = "/v1/screen/manifest";
    private static final String PURPOSE = "border control, advance passenger information";

    @TestHTTPResource(PATH)
    URI endpoint;

    /** The walkthrough's stolen passport, with its holder. */
    private static Map<String, Object> stolenPassportHolder() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", "Claire Martin");
        t.put("dateOfBirth", "1990-03-14");
        t.put("nationality", "FRA");
        t.put("sex", "FEMALE");
        t.put("documentNumber", Walkthrough.STOLEN_PASSPORT_NUMBER);
        t.put("issuingCountry", Walkthrough.STOLEN_PASSPORT_COUNTRY);
        t.put("documentType", "PASSPORT");
        return t;
    }

    /** The walkthrough's wanted person, by name only (the person question alone). */
    private static Map<String, Object> wantedPerson() {
        return Map.of("name", "Muhammad Al Rasheed", "dateOfBirth", Walkthrough.WANTED_DATE_OF_BIRTH,
                "nationality", Walkthrough.WANTED_NATIONALITY);
    }

    /** A traveller no source knows: an unknown document, a name no test world holds. */
    private static Map<String, Object> unknownTraveller() {
        return Map.of("name", "Quorvald Zyxtrombe", "dateOfBirth", "1961-02-03", "nationality", "DEU",
                "documentNumber", Walkthrough.UNKNOWN_DOCUMENT_NUMBER, "issuingCountry",
                Walkthrough.UNKNOWN_DOCUMENT_COUNTRY);
    }

    private static Map<String, Object> manifest(List<Map<String, Object>> travellers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("flight", "AF1234");
        body.put("carrier", "AF");
        body.put("route", "CDG-FRA");
        body.put("scheduledArrival", "2026-12-04T18:30:00Z");
        body.put("purpose", PURPOSE);
        body.put("travellers", travellers);
        return body;
    }

    private static Response post(String token, String requestId, Object body) {
        return RestAssured.given().header("Authorization", "Bearer " + token).header("X-Request-Id", requestId)
                .contentType("application/json").accept(ScreenResource.NDJSON).body(body)
                .when().post(PATH);
    }

    /** The NDJSON body's lines, each parsed. */
    private static List<JsonPath> lines(Response response) {
        String body = response.then().statusCode(200).contentType(containsString(ScreenResource.NDJSON))
                .extract().asString();
        return body.lines().filter(l -> !l.isBlank()).map(JsonPath::from).toList();
    }

    private static Map<Integer, JsonPath> byIndex(List<JsonPath> lines, String type) {
        Map<Integer, JsonPath> found = new HashMap<>();
        for (JsonPath line : lines) {
            if (type.equals(line.getString("type"))) {
                assertNull(found.put(line.getInt("index"), line), "one line per index");
            }
        }
        return found;
    }

    private static JsonPath summary(List<JsonPath> lines) {
        JsonPath last = lines.get(lines.size() - 1);
        assertEquals("summary", last.getString("type"), "the summary ends the stream");
        assertEquals(1, lines.stream().filter(l -> "summary".equals(l.getString("type"))).count());
        return last;
    }

    /** The summary's counts are the lines' own. */
    private static void assertSummaryAgrees(List<JsonPath> lines, int travellers) {
        JsonPath summary = summary(lines);
        Map<Integer, JsonPath> answered = byIndex(lines, "traveller");
        Map<Integer, JsonPath> problems = byIndex(lines, "problem");
        assertEquals(travellers, summary.getInt("travellers"));
        assertEquals(answered.size(), summary.getInt("answered"));
        assertEquals(problems.size(), summary.getInt("problems"));
        Set<Integer> all = new HashSet<>(answered.keySet());
        all.addAll(problems.keySet());
        assertEquals(Stream.iterate(0, i -> i + 1).limit(travellers).collect(Collectors.toSet()), all,
                "every index answered or refused, once");
        Map<String, Long> outcomes = answered.values().stream()
                .collect(Collectors.groupingBy(l -> l.getString("answer.outcome"), Collectors.counting()));
        for (String outcome : List.of("HIT", "POSSIBLE_MATCH", "NO_HIT", "INCOMPLETE")) {
            assertEquals(outcomes.getOrDefault(outcome, 0L).intValue(), summary.getInt("outcomes." + outcome), outcome);
        }
        assertEquals(outcomes.getOrDefault("INCOMPLETE", 0L).intValue(), summary.getList("incomplete").size());
    }

    /** decision, query id, kind, terms, outcome of the audit records of one request, in chain order. */
    private static List<String[]> audit(String requestId) throws Exception {
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             PreparedStatement ps = c.prepareStatement("SELECT decision, query_id, kind, terms, outcome, purpose"
                     + " FROM audit_record WHERE request_id = ? ORDER BY seq")) {
            ps.setString(1, requestId);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)});
                }
            }
            return rows;
        }
    }

    private static List<String[]> travellerRecords(String requestId) throws Exception {
        return audit(requestId).stream().filter(r -> Screening.TRAVELLER_KIND.equals(r[2])).toList();
    }

    private static boolean recorded(String queryId) throws Exception {
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_record WHERE query_id = ?"
                     + " AND decision = 'ANSWERED'")) {
            ps.setString(1, queryId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Test
    void aThreeTravellerManifestIsAnsweredLineByLineWithItsSummaryAndAuditedPerTraveller() throws Exception {
        String requestId = "manifest-" + UUID.randomUUID();
        List<JsonPath> lines = lines(post(TestTokens.borderGuard(), requestId,
                manifest(List.of(stolenPassportHolder(), wantedPerson(), unknownTraveller()))));
        assertEquals(4, lines.size(), "three travellers and the summary");
        assertSummaryAgrees(lines, 3);
        Map<Integer, JsonPath> answered = byIndex(lines, "traveller");
        assertEquals(3, answered.size());

        JsonPath passport = answered.get(0);
        assertEquals("HIT", passport.getString("answer.outcome"));
        assertEquals("SEIZE", passport.getString("answer.action"));
        assertEquals("ANSWERED", passport.getString("answer.document.status"));
        assertEquals("DOCUMENT", passport.getString("answer.document.answer.kind"));
        assertEquals(Walkthrough.STOLEN_PASSPORT_CONTACT,
                passport.getString("answer.document.answer.subjects[0].records[0].contactPoint"));
        assertEquals("ANSWERED", passport.getString("answer.holder.status"), "a traveller with a document number"
                + " gets both parts");
        assertEquals("PERSON", passport.getString("answer.holder.answer.kind"));

        JsonPath wanted = answered.get(1);
        assertEquals("HIT", wanted.getString("answer.outcome"));
        assertEquals("NOT_ASKED", wanted.getString("answer.document.status"));
        assertEquals("ARREST", wanted.getString("answer.holder.answer.action"));
        assertFalse(wanted.getList("answer.holder.answer.subjects[0].records[0].reasons").isEmpty(), "reasons given");

        JsonPath unknown = answered.get(2);
        assertNotEquals("HIT", unknown.getString("answer.outcome"));
        assertEquals("DOCUMENT", unknown.getString("answer.document.answer.kind"));

        // one consultation per traveller, each under the id its line carries; the manifest itself before and after
        List<String[]> records = audit(requestId);
        assertEquals("CONSULTED", records.get(0)[0]);
        assertEquals(Screening.MANIFEST_KIND, records.get(0)[2]);
        String manifestId = JsonPath.from(records.get(0)[3]).getString("manifestId");
        assertEquals(summary(lines).getString("manifestId"), manifestId);
        assertFalse(records.get(0)[3].contains("Claire") || records.get(0)[3].contains(Walkthrough.STOLEN_PASSPORT_NUMBER),
                "the manifest's own record names no traveller");
        String[] last = records.get(records.size() - 1);
        assertEquals(Screening.MANIFEST_KIND, last[2]);
        assertEquals("ANSWERED", last[0]);
        assertEquals("HIT", last[4]);
        List<String[]> travellers = travellerRecords(requestId);
        assertEquals(3, travellers.size());
        Map<Integer, String[]> byTraveller = new HashMap<>();
        for (String[] r : travellers) {
            JsonPath terms = JsonPath.from(r[3]);
            assertEquals(manifestId, terms.getString("manifestId"));
            assertEquals(PURPOSE, r[5]);
            assertEquals("ANSWERED", r[0]);
            byTraveller.put(terms.getInt("traveller"), r);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(answered.get(i).getString("answer.queryId"), byTraveller.get(i)[1]);
            assertEquals(answered.get(i).getString("answer.outcome"), byTraveller.get(i)[4]);
        }
        assertEquals(Walkthrough.STOLEN_PASSPORT_NUMBER, JsonPath.from(byTraveller.get(0)[3]).getString("document.number"));
    }

    @Inject
    Screening screening;

    @Inject
    FrontlineLoad frontline;

    /** Nine travellers nobody knows, each with a name and document of its own (none asked twice). */
    private static List<Map<String, Object>> strangers() {
        List<Map<String, Object>> travellers = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String n = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
            travellers.add(Map.of("name", "Quorvald Zyx" + n, "dateOfBirth", "1961-02-0" + (1 + i % 9),
                    "nationality", "DEU", "documentNumber", "ZQ" + (1000000 + i) + n.length(), "issuingCountry", "DEU"));
        }
        return travellers;
    }

    /**
     * Manifests yield to the frontline: while a single search is in flight the lane takes one traveller
     * at a time, and its three places again once none is.
     */
    @Test
    void whileASingleSearchIsInFlightTheManifestsLaneNarrowsToOne() throws Exception {
        UniAssertSubscriber<Object> held = frontline.counted(Uni.createFrom().nothing())
                .subscribe().withSubscriber(UniAssertSubscriber.create());
        try {
            assertTrue(frontline.busy());
            screening.resetLanePeak();
            List<JsonPath> lines = lines(post(TestTokens.officer(), UUID.randomUUID().toString(), manifest(strangers())));
            assertEquals(9, byIndex(lines, "traveller").size(), "every traveller answered, one at a time");
            assertEquals(1, screening.lanePeak(), "one traveller at a time beside a single search");
        } finally {
            held.cancel();
        }
        assertFalse(frontline.busy());
        screening.resetLanePeak();
        List<JsonPath> lines = lines(post(TestTokens.officer(), UUID.randomUUID().toString(), manifest(strangers())));
        assertEquals(9, byIndex(lines, "traveller").size());
        assertEquals(3, screening.lanePeak(), "the whole lane when the frontline is quiet");
    }

    /** frontline_searches_in_flight as this instance's /q/metrics says. */
    private static double searchesInFlight() {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("frontline_searches_in_flight")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError("no frontline_searches_in_flight gauge"));
    }

    /**
     * Attacked as a hostile client would: answered searches, streams dropped by the client after their
     * first bytes, and refused searches. Every one is counted out (none is counted in forever, which
     * would keep manifests at one traveller for good), and the next manifest takes the whole lane.
     */
    @Test
    void everySingleSearchIsCountedOutHoweverItEndsAndTheLaneWidensAgain() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI person = endpoint.resolve("/v1/search/person");
        String body = "{\"name\":\"Muhammad Al Rasheed\",\"dateOfBirth\":\"" + Walkthrough.WANTED_DATE_OF_BIRTH
                + "\",\"purpose\":\"roadside check\"}";
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answered = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answered.add(client.sendAsync(HttpRequest.newBuilder(person).header("Authorization", "Bearer " + TestTokens.officer())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < 3; i++) {
            HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(person)
                    .header("Authorization", "Bearer " + TestTokens.officer()).header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, stream.statusCode());
            try (java.io.InputStream in = stream.body()) {
                assertTrue(in.read() >= 0, "the stream's first byte");
            }   // the client goes away mid-stream
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(403, client.send(HttpRequest.newBuilder(person).header("Authorization", "Bearer " + TestTokens.auditor())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "refused before any work");
        }
        for (var f : answered) {
            assertEquals(200, f.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode());
        }
        long until = System.currentTimeMillis() + 10_000;
        while (searchesInFlight() > 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertEquals(0.0, searchesInFlight(), "every single search counted out");
        assertFalse(frontline.busy());
        screening.resetLanePeak();
        List<JsonPath> lines = lines(post(TestTokens.officer(), UUID.randomUUID().toString(), manifest(strangers())));
        assertEquals(9, byIndex(lines, "traveller").size());
        assertEquals(3, screening.lanePeak(), "the whole lane again");
    }

    @Test
    void theSameManifestAsCsvWithFlightAndPurposeInTheQuery() throws Exception {
        String requestId = "manifest-csv-" + UUID.randomUUID();
        String csv = "name,dateOfBirth,nationality,sex,documentNumber,issuingCountry,documentType\r\n"
                + "\"Martin, Claire\",1990-03-14,FRA,FEMALE,P4471902,FRA,PASSPORT\r\n"
                + "Muhammad Al Rasheed,1983-04-12,JOR,,,,\r\n"
                + "\"Quorvald \"\"Q\"\" Zyxtrombe\",1961-02-03,DEU,,Z0000000,DEU,\r\n";
        List<JsonPath> lines = lines(RestAssured.given().header("Authorization", "Bearer " + TestTokens.officer())
                .header("X-Request-Id", requestId).contentType("text/csv").accept(ScreenResource.NDJSON)
                .queryParam("purpose", PURPOSE).queryParam("flight", "AF1234").body(csv)
                .when().post(PATH));
        assertEquals(4, lines.size());
        assertSummaryAgrees(lines, 3);
        Map<Integer, JsonPath> answered = byIndex(lines, "traveller");
        assertEquals("HIT", answered.get(0).getString("answer.outcome"));
        assertEquals("SEIZE", answered.get(0).getString("answer.document.answer.action"));
        assertEquals("HIT", answered.get(1).getString("answer.outcome"));
        assertEquals(3, travellerRecords(requestId).size());
        assertEquals("CSV", JsonPath.from(audit(requestId).get(0)[3]).getString("format"));
        assertEquals("AF1234", JsonPath.from(audit(requestId).get(0)[3]).getString("flight"));
    }

    @Test
    void aBadRowGetsItsOwnProblemWithoutItsValuesAndTheOthersAreAnswered() throws Exception {
        String requestId = "manifest-bad-" + UUID.randomUUID();
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", "Ana Souza");
        bad.put("dateOfBirth", "1992-13-40");
        bad.put("documentNumber", "AB12");   // a number without its issuing country
        List<Object> travellers = new ArrayList<>(List.of(stolenPassportHolder(), bad, unknownTraveller()));
        travellers.add("not a traveller");
        Map<String, Object> body = manifest(List.of());
        body.put("travellers", travellers);
        List<JsonPath> lines = lines(post(TestTokens.officer(), requestId, body));
        assertSummaryAgrees(lines, 4);
        Map<Integer, JsonPath> problems = byIndex(lines, "problem");
        assertEquals(Set.of(1, 3), problems.keySet());
        JsonPath problem = problems.get(1);
        assertEquals(400, problem.getInt("problem.status"));
        Set<String> fields = new HashSet<>(problem.getList("problem.errors.field"));
        assertEquals(Set.of("dateOfBirth", "issuingCountry"), fields);
        String text = problem.prettify();
        assertFalse(text.contains("1992-13-40") || text.contains("Ana Souza") || text.contains("AB12"), text);
        assertEquals("(traveller)", problems.get(3).getString("problem.errors[0].field"));
        assertEquals(Set.of(0, 2), byIndex(lines, "traveller").keySet());
        assertEquals(2, travellerRecords(requestId).size(), "a row not screened is no consultation");
    }

    @Test
    void identicalTravellersAreAskedOnceAndAuditedAtEachIndex() throws Exception {
        String requestId = "manifest-dup-" + UUID.randomUUID();
        List<JsonPath> lines = lines(post(TestTokens.officer(), requestId,
                manifest(List.of(stolenPassportHolder(), unknownTraveller(), stolenPassportHolder()))));
        assertSummaryAgrees(lines, 3);
        assertEquals(2, summary(lines).getInt("asked"), "three travellers, two distinct");
        Map<Integer, JsonPath> answered = byIndex(lines, "traveller");
        JsonPath first = answered.get(0);
        JsonPath again = answered.get(2);
        assertNull(first.get("sameAs"));
        assertEquals(0, again.getInt("sameAs"));
        assertNotEquals(first.getString("answer.queryId"), again.getString("answer.queryId"), "a consultation each");
        // asked once: the parts of both answers are the one search's, under the first traveller's query id
        assertEquals(first.getString("answer.queryId"), again.getString("answer.document.answer.queryId"));
        assertEquals(first.getString("answer.queryId"), again.getString("answer.holder.answer.queryId"));
        assertEquals("HIT", again.getString("answer.outcome"));

        Map<Integer, JsonPath> terms = new HashMap<>();
        for (String[] r : travellerRecords(requestId)) {
            JsonPath t = JsonPath.from(r[3]);
            terms.put(t.getInt("traveller"), t);
        }
        assertEquals(Set.of(0, 1, 2), terms.keySet(), "both indices of the same traveller audited");
        assertEquals(0, terms.get(2).getInt("sameAs"));
        assertEquals(Walkthrough.STOLEN_PASSPORT_NUMBER, terms.get(2).getString("document.number"));
    }

    @Test
    void everyTravellersRecordIsDurableBeforeItsLineArrives() throws Exception {
        String requestId = "manifest-durable-" + UUID.randomUUID();
        String json = new ObjectMapper()
                .writeValueAsString(manifest(List.of(stolenPassportHolder(), wantedPerson(), unknownTraveller())));
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Bearer " + TestTokens.officer()).header("X-Request-Id", requestId)
                .header("Content-Type", "application/json").header("Accept", ScreenResource.NDJSON)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        int checked = 0;
        boolean summarySeen = false;
        for (Iterator<String> it = response.body().iterator(); it.hasNext(); ) {
            String line = it.next();
            if (line.isBlank()) {
                continue;
            }
            JsonPath parsed = JsonPath.from(line);
            if ("traveller".equals(parsed.getString("type"))) {
                assertFalse(summarySeen);
                // read while the stream is still open: its record is already in the database
                assertTrue(recorded(parsed.getString("answer.queryId")), "record durable before line " + line);
                checked++;
            } else if ("summary".equals(parsed.getString("type"))) {
                summarySeen = true;
            }
        }
        assertEquals(3, checked);
        assertTrue(summarySeen);
    }

    @Test
    void aRestrictedRecordIsNotShownToAnOfficerWhoMayNotSeeIt() {
        String restricted = Walkthrough.RESTRICTED_FIRST_NAME + " " + Walkthrough.RESTRICTED_FATHER_NAME + " "
                + Walkthrough.RESTRICTED_GRANDFATHER_NAME + " " + Walkthrough.RESTRICTED_FAMILY_NAME;
        Map<String, Object> traveller = Map.of("name", restricted, "dateOfBirth", Walkthrough.RESTRICTED_DATE_OF_BIRTH,
                "nationality", Walkthrough.RESTRICTED_NATIONALITY);
        // a Saudi officer cleared SECRET sees the GCCPOL circular; a German RESTRICTED officer does not
        String saudi = TestTokens.token("officer-m-" + UUID.randomUUID(), "SAU-PSD", "SAU", "SECRET", "OFFICER");
        JsonPath seen = byIndex(lines(post(saudi, "manifest-ntk-" + UUID.randomUUID(), manifest(List.of(traveller)))),
                "traveller").get(0);
        assertTrue(seen.prettify().contains(Walkthrough.RESTRICTED_CIRCULAR_NO) || seen.prettify().contains("ARREST"),
                seen.prettify());

        String german = TestTokens.token("officer-m-" + UUID.randomUUID(), "BKA", "DEU", "RESTRICTED", "OFFICER");
        JsonPath reduced = byIndex(lines(post(german, "manifest-ntk-" + UUID.randomUUID(), manifest(List.of(traveller)))),
                "traveller").get(0);
        String body = reduced.prettify();
        assertFalse(body.contains(Walkthrough.RESTRICTED_GCCPOL_ID + "\""), "record id leaked: " + body);
        assertFalse(body.contains("Al-Dosari") || body.contains(Walkthrough.RESTRICTED_NAME_ARABIC), "name leaked: " + body);
        assertFalse(body.contains("WANTED_FOR_ARREST"), "alert leaked: " + body);
        assertNotEquals("NO_HIT", reduced.getString("answer.outcome"));

        // a border guard does not receive intelligence-only alerts (INTERPOL fixture: a blue notice only)
        JsonPath guard = byIndex(lines(post(TestTokens.borderGuard(), "manifest-ntk-" + UUID.randomUUID(),
                manifest(List.of(Map.of("name", "Chidi Okonkwo", "dateOfBirth", "1990"))))), "traveller").get(0);
        assertFalse(guard.prettify().contains("DISCREET_CHECK"), guard.prettify());
        assertNotEquals("NO_HIT", guard.getString("answer.outcome"));
    }

    @Test
    void refusalsComeBeforeAnyLineAsProblems() throws Exception {
        Map<String, Object> body = manifest(List.of(unknownTraveller()));
        RestAssured.given().contentType("application/json").accept(ScreenResource.NDJSON).body(body)
                .when().post(PATH).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        String requestId = "manifest-403-" + UUID.randomUUID();
        post(TestTokens.auditor(), requestId, body).then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("may not screen manifests"));
        assertEquals("REFUSED_NOT_PERMITTED", audit(requestId).get(0)[0], "the refusal is audited");
        assertTrue(travellerRecords(requestId).isEmpty());

        Map<String, Object> noPurpose = new LinkedHashMap<>(body);
        noPurpose.remove("purpose");
        post(TestTokens.officer(), "manifest-400-" + UUID.randomUUID(), noPurpose).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("purpose"));
        RestAssured.given().header("Authorization", "Bearer " + TestTokens.officer()).contentType("text/csv")
                .accept(ScreenResource.NDJSON).body("name\nQuorvald Zyxtrombe\n").when().post(PATH)
                .then().statusCode(400).body("errors.field", hasItem("purpose"));
        RestAssured.given().header("Authorization", "Bearer " + TestTokens.officer()).contentType("text/csv")
                .accept(ScreenResource.NDJSON).queryParam("purpose", PURPOSE).queryParam("name", "Quorvald Zyxtrombe")
                .body("name\nQuorvald Zyxtrombe\n").when().post(PATH)
                .then().statusCode(400).body("detail", containsString("never in the URL"));

        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            many.add(Map.of("name", "Ab"));
        }
        post(TestTokens.officer(), "manifest-413-" + UUID.randomUUID(), manifest(many)).then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("at most 1000 travellers"));
    }

    @Test
    void theManifestsBudgetCountsTravellersAndRefusesAWholeManifestBeforeAnyLine() throws Exception {
        // the test profile's budget: 40 travellers a minute (frontline.access.rate-limit.manifest-travellers-per-minute)
        String token = TestTokens.token("officer-budget-" + UUID.randomUUID(), "BKA", "DEU", "RESTRICTED", "OFFICER");
        List<Map<String, Object>> thirty = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            thirty.add(unknownTraveller());   // one question, thirty travellers (and thirty consultations)
        }
        String admitted = "manifest-budget-" + UUID.randomUUID();
        List<JsonPath> lines = lines(post(token, admitted, manifest(thirty)));
        assertSummaryAgrees(lines, 30);
        assertEquals(30, travellerRecords(admitted).size());

        // one request, but 11 travellers more than the 10 left: refused whole, before anything is screened
        String refused = "manifest-budget-" + UUID.randomUUID();
        post(token, refused, manifest(thirty.subList(0, 11))).then().statusCode(429)
                .contentType(Problem.MEDIA_TYPE).header("Retry-After", notNullValue())
                .body("detail", containsString("11 travellers"));
        assertEquals("REFUSED_RATE_LIMITED", audit(refused).get(0)[0]);
        assertTrue(travellerRecords(refused).isEmpty());

        // the budget is the manifests' own: the same officer's single search is still admitted
        RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(Map.of("number", "Z0000000", "issuingCountry", "DEU", "purpose", "border check"))
                .when().post("/v1/search/document").then().statusCode(200);
        // and what is left still fits
        lines(post(token, "manifest-budget-" + UUID.randomUUID(), manifest(thirty.subList(0, 10))));
    }

    @Test
    void serverSentEventsCarryTheSameLinesNamedByType() {
        String body = RestAssured.given().header("Authorization", "Bearer " + TestTokens.officer())
                .contentType("application/json").accept("text/event-stream")
                .body(manifest(List.of(stolenPassportHolder(), Map.of("name", "x"))))
                .when().post(PATH).then().statusCode(200).contentType(containsString("text/event-stream"))
                .extract().asString();
        assertTrue(body.contains("event:traveller") || body.contains("event: traveller"), body);
        assertTrue(body.contains("event:problem") || body.contains("event: problem"), body);
        assertTrue(body.contains("event:summary") || body.contains("event: summary"), body);
        assertTrue(body.contains("\"SEIZE\""), body);
    }

    @Test
    void withoutAcceptTheAnswerIsNdjson() {
        RestAssured.given().header("Authorization", "Bearer " + TestTokens.officer()).contentType("application/json")
                .body(manifest(List.of(unknownTraveller()))).when().post(PATH)
                .then().statusCode(200).contentType(containsString(ScreenResource.NDJSON))
                .body(containsString("\"type\":\"summary\""));
    }

    @Test
    void aSearchBodyStaysBoundAt16KiBEvenChunked() {
        String padding = "x".repeat(17 * 1024);
        RestAssured.given().header("Authorization", "Bearer " + TestTokens.officer()).contentType("application/json")
                .body(new ByteArrayInputStream(("{\"name\":\"" + padding + "\",\"purpose\":\"test\"}")
                        .getBytes(StandardCharsets.UTF_8)))
                .when().post("/v1/search/person").then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(413));
    }
}
