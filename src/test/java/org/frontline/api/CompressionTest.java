package org.frontline.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compression that happens, over real HTTP with {@code Accept-Encoding: gzip}: the contract and a
 * large answer leave gzipped and parse once unzipped; a small answer and an event stream leave as
 * they are (a stream event by event).
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class CompressionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theContractLeavesGzipped() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                + "/q/openapi?format=json")).header("Accept-Encoding", "gzip").GET().build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse("none"));
        JsonNode contract = JSON.readTree(CompactAnswerTest.decoded(response));
        assertTrue(contract.get("paths").has("/v1/search/person"));
    }

    @Test
    void aLargeAnswerLeavesGzippedAndASmallOneAsItIs() throws Exception {
        String person = "{\"name\":\"Muhammad Al Rasheed\",\"dateOfBirth\":\"1983-04-12\",\"purpose\":\"identity check\"}";
        HttpResponse<byte[]> full = CompactAnswerTest.post("person", person, "application/json", "gzip", TestTokens.officer());
        assertEquals(200, full.statusCode());
        assertEquals("gzip", full.headers().firstValue("Content-Encoding").orElse("none"));
        byte[] plain = CompactAnswerTest.decoded(full);
        assertTrue(plain.length > full.body().length, plain.length + " bytes sent as " + full.body().length);
        assertEquals("HIT", JSON.readTree(plain).get("outcome").asText());

        // a 400 problem of one field is a few hundred bytes: not worth a gzip header
        HttpResponse<byte[]> problem = CompactAnswerTest.post("person", "{\"name\":\"A B\",\"dateOfBirth\":\"1983-13-45\","
                + "\"purpose\":\"identity check\"}", "application/json", "gzip", TestTokens.officer());
        assertEquals(400, problem.statusCode());
        assertFalse(problem.headers().firstValue("Content-Encoding").orElse("").contains("gzip"));
        assertEquals(400, JSON.readTree(problem.body()).get("status").asInt());
    }

    @Test
    void anEventStreamIsNotCompressedAndStreams() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/v1/search/document"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip").header("Authorization", "Bearer " + TestTokens.officer())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"number\":\"P4471902\",\"issuingCountry\":\"FRA\",\"purpose\":\"border control\"}"))
                .build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("Content-Encoding").orElse("").contains("gzip"));
        List<String> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    events.add(line.substring(6).trim());
                }
            }
        }
        assertEquals(6, events.size(), events.toString());
        assertEquals("answer", events.get(5));
    }

    @Test
    void whatIsWorthCompressing() {
        Compression compression = new Compression(() -> 1024);
        assertTrue(compression.worthCompressing("application/json;charset=UTF-8", "2048"));
        assertTrue(compression.worthCompressing(Problem.MEDIA_TYPE, "1024"));
        assertTrue(compression.worthCompressing(CompactView.MEDIA_TYPE, "5000"));
        assertTrue(compression.worthCompressing("application/yaml; charset=UTF-8", null));
        assertFalse(compression.worthCompressing("application/json", "1023"));
        assertFalse(compression.worthCompressing("text/event-stream", null));
        assertFalse(compression.worthCompressing("application/x-ndjson", null));
        assertFalse(compression.worthCompressing(null, "5000"));
    }
}
