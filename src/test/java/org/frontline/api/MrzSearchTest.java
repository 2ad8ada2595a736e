package org.frontline.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.frontline.border.MrzFormat;
import org.frontline.border.MrzWriter;
import org.frontline.sourcedata.Walkthrough;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /v1/search/mrz end to end: the walkthrough subjects found by their zones, refusals, warnings, the audit. */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class MrzSearchTest {

    private static final String NEXT_YEAR = LocalDate.now().plusYears(1).format(DateTimeFormatter.ofPattern("yyMMdd"));
    private static final String LAST_YEAR = LocalDate.now().minusYears(1).format(DateTimeFormatter.ofPattern("yyMMdd"));

    private static String stolenPassport(String expiry) {
        return new MrzWriter(MrzFormat.TD3, "P", "FRA", Walkthrough.STOLEN_PASSPORT_NUMBER, "MARTIN", "CLAIRE", "FRA",
                "900314", 'F', expiry, "", "").write();
    }

    private static Response post(String token, String requestId, Map<String, Object> body) {
        return RestAssured.given().header("Authorization", "Bearer " + token).header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).accept(ContentType.JSON).body(body)
                .when().post("/v1/search/mrz");
    }

    private static Response post(Map<String, Object> body) {
        return post(TestTokens.officer(), "mrz-" + UUID.randomUUID(), body);
    }

    /** decision, query id, kind, terms, outcome, sources of the audit records of one request, in chain order. */
    private static List<String[]> audit(String requestId) throws Exception {
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             PreparedStatement ps = c.prepareStatement("SELECT decision, query_id, kind, terms, outcome, sources"
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

    @Test
    void theStolenPassportIsFoundByItsZoneInOneAuditedConsultation() throws Exception {
        String requestId = "mrz-" + UUID.randomUUID();
        JsonPath answer = post(TestTokens.officer(), requestId, Map.of("mrz", stolenPassport(NEXT_YEAR),
                "purpose", "border control, entry"))
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("outcome", equalTo("HIT"))
                .body("action", equalTo("SEIZE"))
                .body("documentWarnings", empty())
                .body("read.format", equalTo("TD3"))
                .body("read.documentType", equalTo("PASSPORT"))
                .body("read.documentNumber", equalTo(Walkthrough.STOLEN_PASSPORT_NUMBER))
                .body("read.surname", equalTo("MARTIN"))
                .body("read.dateOfBirth", equalTo("1990-03-14"))
                .body("document.status", equalTo("ANSWERED"))
                .body("document.answer.kind", equalTo("DOCUMENT"))
                .body("document.answer.outcome", equalTo("HIT"))
                .body("document.answer.subjects[0].records[0].contactPoint", equalTo(Walkthrough.STOLEN_PASSPORT_CONTACT))
                .body("holder.status", equalTo("ANSWERED"))
                .body("holder.answer.kind", equalTo("PERSON"))
                .body("message", containsString("Document: HIT"))
                .extract().jsonPath();

        // one consultation: its CONSULTED record (durable before the answer left), then its outcome
        List<String[]> rows = audit(requestId);
        for (long until = System.nanoTime() + 10_000_000_000L; rows.size() < 2 && System.nanoTime() < until; ) {
            Thread.sleep(20);
            rows = audit(requestId);
        }
        assertEquals(List.of("CONSULTED", "ANSWERED"), rows.stream().map(r -> r[0]).toList(), "one consultation");
        assertEquals(rows.get(0)[1], rows.get(1)[1], "one query id");
        assertEquals("MRZ", rows.get(0)[2]);
        assertEquals(rows.get(0)[3], rows.get(1)[3], "the same terms in both records");
        String[] row = rows.get(1);
        assertEquals("ANSWERED", row[0]);
        assertEquals(answer.getString("queryId"), row[1]);
        assertEquals(answer.getString("document.answer.queryId"), row[1], "the parts answer under the consultation's id");
        assertEquals(answer.getString("holder.answer.queryId"), row[1]);
        assertEquals("MRZ", row[2]);
        JsonPath terms = JsonPath.from(row[3]);
        assertEquals(Walkthrough.STOLEN_PASSPORT_NUMBER, terms.getString("document.number"));
        assertEquals("FRA", terms.getString("document.issuingCountry"));
        assertEquals("PASSPORT", terms.getString("document.type"));
        assertEquals("CLAIRE MARTIN", terms.getString("person.name"));
        assertEquals("HIT", row[4]);
        Set<String> parts = new HashSet<>(JsonPath.from(row[5]).getList("part"));
        assertEquals(Set.of("document", "holder"), parts, "the record names each part's sources");
    }

    @Test
    void theWantedHolderIsFoundWhileHisPassportIsUnknown() {
        String mrz = new MrzWriter(MrzFormat.TD3, "P", "JOR", "JW0830412", "AL RASHEED", "MUHAMMAD",
                Walkthrough.WANTED_NATIONALITY, "830412", 'M', NEXT_YEAR, "", "").write();
        post(Map.of("mrz", mrz.toLowerCase().replace("\n", "\r\n") + "\r\n", "purpose", "border control, entry"))
                .then().statusCode(200)
                .body("outcome", equalTo("HIT"))
                .body("action", equalTo("ARREST"))
                .body("warnings", hasItem("ARMED"))
                .body("holder.answer.outcome", equalTo("HIT"))
                .body("holder.answer.subjects[0].records.source", containsInAnyOrder("interpol", "europol"))
                .body("document.answer.outcome", equalTo("NO_HIT"));
    }

    @Test
    void aFailedCheckDigitIsRefusedNamingEachFieldAndNoValue() throws Exception {
        String altered = stolenPassport(NEXT_YEAR).replace(Walkthrough.STOLEN_PASSPORT_NUMBER + "<8",
                Walkthrough.STOLEN_PASSPORT_NUMBER + "<3");
        String requestId = "mrz-" + UUID.randomUUID();
        String body = post(TestTokens.officer(), requestId, Map.of("mrz", altered, "purpose", "border control"))
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", containsInAnyOrder("mrz.documentNumber", "mrz.composite"))
                .body("errors[0].reason", containsString("check digit failed: misread or altered document"))
                .body("errors[0].reason", containsString("acceptInvalidCheckDigits"))
                .extract().asString();
        assertFalse(body.contains(Walkthrough.STOLEN_PASSPORT_NUMBER) || body.contains("MARTIN"), body);
        assertTrue(audit(requestId).isEmpty(), "an invalid request is not a consultation");
    }

    @Test
    void acceptingAFailedCheckDigitSearchesAndWarns() {
        String altered = stolenPassport(NEXT_YEAR).replace("9003141", "9003142");
        post(Map.of("mrz", altered, "purpose", "border control", "acceptInvalidCheckDigits", true))
                .then().statusCode(200)
                .body("documentWarnings", hasItem("check digit failed: misread or altered document"))
                .body("read.failedCheckDigits", containsInAnyOrder("dateOfBirth", "composite"))
                .body("outcome", equalTo("HIT"))
                .body("message", containsString("CHECK DIGIT FAILED"));
    }

    @Test
    void anExpiredDocumentIsAWarning() {
        String expiry = "20" + LAST_YEAR.substring(0, 2) + "-" + LAST_YEAR.substring(2, 4) + "-" + LAST_YEAR.substring(4);
        post(Map.of("mrz", stolenPassport(LAST_YEAR), "purpose", "border control"))
                .then().statusCode(200)
                .body("documentWarnings", hasItem("document expired on " + expiry + " (per its MRZ)"))
                .body("read.dateOfExpiry", equalTo(expiry))
                .body("outcome", equalTo("HIT"));
    }

    @Test
    void aMalformedZoneIsRefusedWithWhatToDo() {
        String[] lines = stolenPassport(NEXT_YEAR).split("\n");
        post(Map.of("mrz", lines[0] + "\n" + lines[1].substring(0, 40), "purpose", "border control"))
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("mrz"))
                .body("errors[0].reason", containsString("line 2 has 40 characters; each line of a TD3 zone has 44"));
        post(Map.of("mrz", lines[0] + "\n" + lines[1].replace('<', '*'), "purpose", "border control"))
                .then().statusCode(400)
                .body("errors[0].field", equalTo("mrz"))
                .body("errors[0].reason", containsString("only A-Z, 0-9 and < may appear"));
        post(Map.of("mrz", lines[0], "purpose", "border control"))
                .then().statusCode(400)
                .body("errors[0].reason", containsString("expected 2 lines"));
        post(Map.of("purpose", "border control"))
                .then().statusCode(400)
                .body("errors.field", hasItem("mrz"));
        post(Map.of("mrz", "P".repeat(500), "purpose", "border control"))
                .then().statusCode(400)
                .body("errors[0].reason", containsString("at most 200 characters"));
        post(Map.of("mrz", stolenPassport(NEXT_YEAR)))
                .then().statusCode(400)
                .body("errors.field", hasItem("purpose"));
    }

    @Test
    void anIssuerThisServiceDoesNotKnowLeavesTheDocumentUnaskedAndTheAnswerNeverANoHit() {
        // the ICAO specimen: Utopia is no state; its holder is still searched
        post(Map.of("mrz", "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
                "purpose", "border control"))
                .then().statusCode(200)
                .body("document.status", equalTo("NOT_ASKED"))
                .body("document.answer", nullValue())
                .body("holder.status", equalTo("ANSWERED"))
                .body("outcome", not(equalTo("NO_HIT")))
                .body("complete", equalTo(false))
                .body("documentWarnings", hasItem(containsString("document not searched")))
                .body("documentWarnings", hasItem("document expired on 2012-04-15 (per its MRZ)"));
    }

    @Test
    void borderGuardsMayAskAndAuditorsMayNot() {
        post(TestTokens.borderGuard(), "mrz-" + UUID.randomUUID(), Map.of("mrz", stolenPassport(NEXT_YEAR),
                "purpose", "border control"))
                .then().statusCode(200)
                .body("outcome", equalTo("HIT"));
        post(TestTokens.auditor(), "mrz-" + UUID.randomUUID(), Map.of("mrz", stolenPassport(NEXT_YEAR),
                "purpose", "border control"))
                .then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void asAStreamEachSourceEventNamesItsPartAndTheAnswerComesLast() throws Exception {
        String requestId = "mrz-stream-" + UUID.randomUUID();
        String body = RestAssured.given().header("Authorization", "Bearer " + TestTokens.officer())
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("mrz", stolenPassport(NEXT_YEAR), "purpose", "border control"))
                .when().post("/v1/search/mrz")
                .then().statusCode(200).extract().asString();
        Map<String, Integer> perPart = new HashMap<>();
        String answer = null;
        String event = null;
        for (String line : body.lines().toList()) {
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:") && "source".equals(event)) {
                assertTrue(answer == null, "no source event after the answer: " + body);
                perPart.merge(JsonPath.from(line.substring(5)).getString("part"), 1, Integer::sum);
            } else if (line.startsWith("data:") && "answer".equals(event)) {
                answer = line.substring(5);
            }
        }
        assertTrue(answer != null, body);
        JsonPath consolidated = JsonPath.from(answer);
        assertEquals("HIT", consolidated.getString("outcome"));
        assertEquals(consolidated.getList("document.answer.sources").size(), perPart.get("document"), body);
        assertEquals(consolidated.getList("holder.answer.sources").size(), perPart.get("holder"), body);
        List<String[]> rows = audit(requestId);
        assertEquals(List.of("CONSULTED", "ANSWERED"), rows.stream().map(r -> r[0]).toList());
        assertEquals(consolidated.getString("queryId"), rows.get(1)[1]);
        assertEquals("MRZ", rows.get(1)[2]);
        assertEquals("HIT", rows.get(1)[4]);
    }
}
