package org.frontline.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact answer for a weak link, asked for as a patrol app asks for it: every README walkthrough
 * question answers, compact, in at most 1 KiB once gzipped (the body as it came over HTTP, gzipped
 * here: the service itself leaves a body under {@code frontline.compression.min-bytes} uncompressed),
 * and says the same outcome, action and warnings as the full answer to the same question.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class CompactAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int ONE_KIB = 1024;

    /** The README's walkthrough, question by question (path, body). */
    private static final List<String[]> WALKTHROUGH = List.of(
            new String[] {"document", "{\"number\":\"P4471902\",\"issuingCountry\":\"FRA\",\"purpose\":\"border control, entry\"}"},
            new String[] {"person", "{\"name\":\"Muhammad Al Rasheed\",\"dateOfBirth\":\"1983-04-12\",\"purpose\":\"identity check\"}"},
            new String[] {"person", "{\"name\":\"محمد الراشد\",\"dateOfBirth\":\"1983-04-12\",\"purpose\":\"identity check\"}"},
            new String[] {"person", "{\"name\":\"Юрий Щербаков\",\"purpose\":\"identity check\"}"},
            new String[] {"vehicle", "{\"plate\":\"ABC 1234\",\"registrationCountry\":\"BRA\",\"purpose\":\"traffic stop\"}"},
            new String[] {"vehicle", "{\"vin\":\"9BWZZZ372VT004251\",\"purpose\":\"traffic stop\"}"},
            new String[] {"mrz", "{\"purpose\":\"border control, entry\",\"mrz\":\"P<FRAMARTIN<<CLAIRE<<<<<<<<<<<<<<<<<<<<<<<<<\\n"
                    + "P4471902<8FRA9003141F3006014<<<<<<<<<<<<<<<8\"}"},
            new String[] {"document", "{\"number\":\"Z0000000\",\"issuingCountry\":\"DEU\",\"purpose\":\"border control\"}"},
            new String[] {"person", "{\"name\":\"Khalid Saleh Ahmed Al-Dosari\",\"dateOfBirth\":\"1979-11-03\",\"purpose\":\"identity check\"}"});

    @Test
    void everyWalkthroughAnswerIsAtMostOneKibGzippedAndSaysWhatTheFullAnswerSays() throws Exception {
        String token = TestTokens.officer();
        for (String[] question : WALKTHROUGH) {
            HttpResponse<byte[]> compact = post(question[0], question[1], CompactView.MEDIA_TYPE, "", token);
            String what = question[0] + " " + question[1];
            assertEquals(200, compact.statusCode(), what);
            assertEquals(CompactView.MEDIA_TYPE, compact.headers().firstValue("Content-Type").orElse("").split(";")[0], what);
            byte[] body = decoded(compact);
            int gzipped = gzip(body).length;
            assertTrue(gzipped <= ONE_KIB, what + ": " + gzipped + " bytes gzipped (" + body.length + " plain): "
                    + new String(body, StandardCharsets.UTF_8));

            JsonNode small = JSON.readTree(body);
            JsonNode full = JSON.readTree(decoded(post(question[0], question[1], "application/json", "", token)));
            for (String field : List.of("outcome", "complete", "action", "warnings")) {
                assertEquals(full.get(field), small.get(field), what + ": " + field);
            }
            assertTrue(small.get("subjects").size() <= 3, what);
            assertTrue(small.has("queryId") && small.has("message") && !small.has("sources"), what);
            int found = question[0].equals("mrz") ? subjectsOfParts(full) : full.get("subjects").size()
                    + full.get("moreSubjects").asInt();
            assertEquals(found, small.get("subjects").size() + small.get("moreSubjects").asInt(),
                    what + ": listed and counted subjects add up to those found");
        }
    }

    @Test
    void theWantedPersonInOneLine() throws Exception {
        JsonNode answer = JSON.readTree(decoded(post("person", WALKTHROUGH.get(1)[1], CompactView.MEDIA_TYPE, "",
                TestTokens.officer())));
        assertEquals("HIT", answer.get("outcome").asText());
        assertEquals("ARREST", answer.get("action").asText());
        JsonNode first = answer.get("subjects").get(0);
        assertEquals("HIT", first.get("match").asText(), answer.toString());
        assertEquals("1983-04-12", first.get("dateOfBirth").asText(), answer.toString());
        assertTrue(first.get("name").asText().toUpperCase().contains("RASH"), answer.toString());
        assertTrue(first.hasNonNull("contactPoint"), answer.toString());
        assertTrue(first.get("alerts").toString().contains("WANTED_FOR_ARREST"), answer.toString());
        assertTrue(!first.has("identifier") && !first.has("records"), "only what an officer acts on: " + first);
    }

    @Test
    void theViewParameterAsksForTheCompactAnswerWithoutAHeader() throws Exception {
        HttpResponse<byte[]> compact = post("document?view=compact", WALKTHROUGH.get(0)[1], null, "", TestTokens.officer());
        assertEquals(200, compact.statusCode());
        assertTrue(compact.headers().firstValue("Content-Type").orElse("").startsWith(CompactView.MEDIA_TYPE));
        JsonNode answer = JSON.readTree(decoded(compact));
        assertEquals("SEIZE", answer.get("action").asText());
        assertTrue(answer.get("subjects").get(0).get("identifier").asText().contains("P4471902"), answer.toString());

        HttpResponse<byte[]> bad = post("document?view=tiny", WALKTHROUGH.get(0)[1], null, "", TestTokens.officer());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith(Problem.MEDIA_TYPE));
        assertEquals("view", JSON.readTree(decoded(bad)).get("errors").get(0).get("field").asText());
    }

    @Test
    void withoutAskingOrAskingForEverythingTheContractListsTheFullAnswerComes() throws Exception {
        // a client generated from the contract sends every media type of the 200 (and of the problems)
        String generated = "application/json, " + CompactView.MEDIA_TYPE + ", text/event-stream, application/problem+json";
        for (String accept : new String[] {null, "*/*", generated}) {
            HttpResponse<byte[]> answer = post("document", WALKTHROUGH.get(0)[1], accept, "", TestTokens.officer());
            assertEquals(200, answer.statusCode(), accept);
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                    accept + " -> " + answer.headers().firstValue("Content-Type"));
            assertTrue(JSON.readTree(decoded(answer)).has("sources"), accept);
        }
    }

    private static int subjectsOfParts(JsonNode mrz) {
        int n = 0;
        for (String part : List.of("document", "holder")) {
            JsonNode answer = mrz.get(part).get("answer");
            if (answer != null && !answer.isNull()) {
                n += answer.get("subjects").size() + answer.get("moreSubjects").asInt();
            }
        }
        return n;
    }

    static HttpResponse<byte[]> post(String path, String body, String accept, String encoding, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/v1/search/" + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (!encoding.isEmpty()) {
            request.header("Accept-Encoding", encoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The body as the service meant it: gunzipped when it came gzipped. */
    static byte[] decoded(HttpResponse<byte[]> response) throws IOException {
        if (response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                return in.readAllBytes();
            }
        }
        return response.body();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }
}
