package org.frontline.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.frontline.sourcedata.Walkthrough;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream's consultation is durable before its first event, its outcome is recorded after its
 * answer under the same query id, its source events count the records the officer may see, and a
 * client that hangs up early still leaves its consultation in the audit log.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class StreamAuditTest {

    @AfterEach
    void heal() {
        FaultProxy.reset();
    }

    /** decision, query id, outcome of the audit records of one request, in chain order. */
    private static List<String[]> records(String requestId) throws Exception {
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.auditDatabase());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT decision, query_id, outcome FROM audit_record WHERE request_id = ? ORDER BY seq")) {
            ps.setString(1, requestId);
            List<String[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            return rows;
        }
    }

    @Test
    void sourceEventsCountTheVisibleRecordsAndTheConsultationIsRecordedBeforeItsOutcome() throws Exception {
        String requestId = "stream-" + UUID.randomUUID();
        String body = TestTokens.asOfficer().header("X-Request-Id", requestId)
                .contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("name", "Muhammad Al Rasheed", "dateOfBirth", Walkthrough.WANTED_DATE_OF_BIRTH,
                        "purpose", "identity check"))
                .when().post("/v1/search/person")
                .then().statusCode(200).extract().asString();
        Map<String, Integer> streamed = new HashMap<>();
        String answer = null;
        String event = null;
        for (String line : body.lines().toList()) {
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:") && "source".equals(event)) {
                JsonPath source = JsonPath.from(line.substring(5));
                streamed.put(source.getString("source"), source.getInt("records"));
            } else if (line.startsWith("data:") && "answer".equals(event)) {
                answer = line.substring(5);
            }
        }
        assertTrue(answer != null, body);
        JsonPath consolidated = JsonPath.from(answer);
        Map<String, Integer> answered = new HashMap<>();
        for (Map<String, Object> s : consolidated.<Map<String, Object>>getList("sources")) {
            answered.put((String) s.get("source"), (Integer) s.get("records"));
        }
        assertEquals(answered, streamed, "each source event counts what the answer shows: " + body);
        assertTrue(streamed.get("interpol") > 0 && streamed.get("europol") > 0, body);

        List<String[]> rows = records(requestId);
        assertEquals(2, rows.size(), "the consultation, then its outcome");
        assertEquals("CONSULTED", rows.get(0)[0]);
        assertNull(rows.get(0)[2]);
        assertEquals("ANSWERED", rows.get(1)[0]);
        assertEquals(consolidated.getString("queryId"), rows.get(0)[1]);
        assertEquals(consolidated.getString("queryId"), rows.get(1)[1]);
        assertEquals(consolidated.getString("outcome"), rows.get(1)[2]);
    }

    @Test
    void aClientThatHangsUpAfterTheFirstEventLeavesAClientGoneRecord() throws Exception {
        // ASEANAPOL answers late, so that the client is gone before the stream ends
        FaultProxy.delay(1500);
        String requestId = "dropped-" + UUID.randomUUID();
        String json = "{\"number\":\"DROP" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999)
                + "\",\"issuingCountry\":\"ESP\",\"purpose\":\"dropped client test\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/search/document HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.officer() + "\r\n"
                    + "X-Request-Id: " + requestId + "\r\n"
                    + "Content-Type: application/json\r\nAccept: text/event-stream\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder read = new StringBuilder();
            while (!(read.indexOf("event:") >= 0 && read.indexOf("\n\n", read.indexOf("event:")) >= 0)) {
                int b = in.read();
                if (b < 0) {
                    throw new AssertionError("stream ended before its first event: " + read);
                }
                read.append((char) b);
            }
            assertTrue(read.toString().startsWith("HTTP/1.1 200"), read.toString());
        }
        List<String[]> rows = List.of();
        for (int i = 0; i < 100 && rows.size() < 2; i++) {
            Thread.sleep(100);
            rows = records(requestId);
        }
        assertEquals(2, rows.size(), "the consultation and the client gone record");
        assertEquals("CONSULTED", rows.get(0)[0]);
        assertEquals("CLIENT_GONE", rows.get(1)[0]);
        assertEquals(rows.get(0)[1], rows.get(1)[1], "one query id");
    }
}
