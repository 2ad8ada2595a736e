package org.frontline.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The service's person search through its real HTTP API: one {@code POST /v1/search/person} per
 * question, with an officer token from the supplier (rotate officers to stay under the per-officer
 * rate limit), timed by the client. A 429 is waited out (its {@code Retry-After}) and asked again.
 */
public final class ServiceClient {

    /** One answer: the HTTP status, the parsed body (null unless JSON), the client's wall time. */
    public record Reply(int status, JsonNode body, double clientMs) {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Supplier<String> tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public ServiceClient(String baseUrl, Supplier<String> tokens) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.tokens = tokens;
    }

    public Reply person(Map<String, Object> body) {
        try {
            byte[] json = JSON.writeValueAsBytes(body);
            for (int attempt = 0; ; attempt++) {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("v1/search/person"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Authorization", "Bearer " + tokens.get())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
                long start = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                double ms = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() == 429 && attempt < 5) {
                    long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                    Thread.sleep(Math.min(60, Math.max(1, wait)) * 1000);
                    continue;
                }
                JsonNode parsed = null;
                if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                    parsed = JSON.readTree(response.body());
                }
                return new Reply(response.statusCode(), parsed, ms);
            }
        } catch (IOException e) {
            return new Reply(-1, null, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token from the demo's {@code POST /demo/token} (the demo profile, or a service with the token endpoint on). */
    public static String demoToken(String baseUrl, String officerId, String clearance) {
        try {
            URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/").resolve("demo/token");
            byte[] body = JSON.writeValueAsBytes(Map.of("officerId", officerId, "agency", "BKA", "country", "DEU",
                    "roles", java.util.List.of("OFFICER"), "clearance", clearance));
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("POST " + uri + " answered " + r.statusCode()
                        + " (the token endpoint exists in the demo profile, or with FRONTLINE_DEMO_TOKEN_ENDPOINT=true)");
            }
            return JSON.readTree(r.body()).path("token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("no token from " + baseUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
