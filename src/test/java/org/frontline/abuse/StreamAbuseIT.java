package org.frontline.abuse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.RateLimits;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the packaged service ({@code target/quarkus-app/quarkus-run.jar}, started by Quarkus for
 * this class with the test source, audit and Redis set-up of {@link SourceDatabases}), which must all
 * fail: a stream refused for any reason is refused before its first byte, with the JSON path's status
 * as a problem; and names that are long, or short but expanding 18-fold when normalised, sent in
 * parallel with ordinary questions, change neither the ordinary questions' statuses nor their p99
 * beyond a generous bound (the figures are printed: a slow shared machine must not fail the build).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PackagedServiceConfig.class, restrictToAnnotatedClass = true)
class StreamAbuseIT {

    private static final String JSON = "application/json";
    private static final Map<String, Object> DOCUMENT = Map.of("number", "X9TEST001", "issuingCountry", "ESP",
            "purpose", "abuse test");

    @AfterEach
    void heal() {
        FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.PASS);
    }

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    private record Refusal(String name, Supplier<RequestSpecification> caller, String kind, Map<String, Object> body,
                           int status) {
    }

    @Test
    void everyRefusalOfAStreamIsAProblemWithTheJsonStatusAndNoEvent() {
        List<Refusal> table = List.of(
                new Refusal("no token", RestAssured::given, "document", DOCUMENT, 401),
                new Refusal("bad token", () -> bearer(TestTokens.tampered()), "document", DOCUMENT, 401),
                new Refusal("expired token", () -> bearer(TestTokens.expired()), "document", DOCUMENT, 401),
                new Refusal("border guard asks about a vehicle", () -> bearer(TestTokens.borderGuard()), "vehicle",
                        Map.of("vin", "1M8GDM9AXKP042788", "purpose", "abuse test"), 403),
                new Refusal("rate limited", RateLimits::exhaustedOfficer, "document", DOCUMENT, 429),
                new Refusal("audit down", () -> {
                    FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.RESET);
                    return bearer(TestTokens.officer());
                }, "document", DOCUMENT, 503));
        List<String> failures = new ArrayList<>();
        for (Refusal refusal : table) {
            RequestSpecification request = refusal.caller().get();
            Response r = request.contentType(JSON).accept("text/event-stream").body(refusal.body())
                    .post("/v1/search/" + refusal.kind());
            FaultProxy.mode(SourceDatabases.AUDIT_PROXY, FaultProxy.Mode.PASS);
            String body = r.asString();
            if (r.statusCode() != refusal.status() || !r.contentType().startsWith("application/problem+json")
                    || body.contains("event:")) {
                failures.add(refusal.name() + ": " + r.statusCode() + " " + r.contentType() + " " + body);
            }
        }
        assertEquals(List.of(), failures, "streams that were not refused like the JSON path");
    }


    // ---------------------------------------------------------------- oversized names beside ordinary traffic

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] ORDINARY_NAMES = {"Muhammad Al Rasheed", "Юрий Щербаков", "Ana Souza",
            "Khalid Saleh Ahmed Al-Dosari", "Zbigniew Qwertyuiop", "张伟", "Maria Gonzalez"};

    private static HttpRequest person(String name) {
        String body = "{\"name\":\"" + name + "\",\"purpose\":\"abuse test\"}";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/search/person"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestTokens.officer())
                .header("Content-Type", JSON).header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Ordinary questions from {@code clients} officers for {@code seconds}; latencies in ms and statuses seen. */
    private record Traffic(List<Long> latencies, Map<Integer, Integer> statuses) {
        long percentile(double p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
        }
    }

    private static Traffic ordinary(int clients, int requestsEach) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < requestsEach; i++) {
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = HTTP.send(person(ORDINARY_NAMES[(client + i) % ORDINARY_NAMES.length]),
                                    HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        latencies.add((System.nanoTime() - start) / 1_000_000);
                        statuses.merge(status, 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Traffic(new ArrayList<>(latencies), new LinkedHashMap<>(statuses));
    }

    @Test
    void longAndExpandingNamesDoNotHurtOrdinaryQuestions() throws Exception {
        ordinary(2, 20); // warm-up: the first questions of a JVM pay for its JIT and the transliteration tables
        Traffic alone = ordinary(2, 60);

        AtomicBoolean attacking = new AtomicBoolean(true);
        Map<String, Map<Integer, Integer>> attackStatuses = new ConcurrentHashMap<>();
        ExecutorService attackers = Executors.newFixedThreadPool(2);
        CountDownLatch started = new CountDownLatch(2);
        Random random = new Random(14);
        String letters = "abcdefghijklmnopqrstuvwxyz";
        Future<?> longNames = attackers.submit(() -> {
            started.countDown();
            while (attacking.get()) {
                // 200 characters in 10 words: within the limits, so it is searched in every source
                StringBuilder name = new StringBuilder();
                for (int w = 0; w < 10; w++) {
                    if (w > 0) {
                        name.append(' ');
                    }
                    for (int i = 0; i < (w == 0 ? 20 : 19); i++) {
                        name.append(letters.charAt(random.nextInt(letters.length())));
                    }
                }
                attack(attackStatuses, "200 characters", name.toString());
            }
            return null;
        });
        Future<?> expanding = attackers.submit(() -> {
            started.countDown();
            while (attacking.get()) {
                // 200 characters typed, 3,600 once normalised
                attack(attackStatuses, "U+FDFA x 200", "\uFDFA".repeat(200));
                attack(attackStatuses, "U+FDFA x 11 + name", "Ali " + "\uFDFA".repeat(11));
            }
            return null;
        });
        started.await();
        Traffic attacked;
        try {
            attacked = ordinary(2, 60);
        } finally {
            attacking.set(false);
            longNames.get(1, TimeUnit.MINUTES);
            expanding.get(1, TimeUnit.MINUTES);
            attackers.shutdownNow();
        }
        System.out.printf("StreamAbuseIT: ordinary questions alone p50 %d ms p99 %d ms %s; beside the attack p50 %d ms"
                        + " p99 %d ms %s; attack statuses %s%n", alone.percentile(0.5), alone.percentile(0.99),
                alone.statuses(), attacked.percentile(0.5), attacked.percentile(0.99), attacked.statuses(), attackStatuses);
        assertEquals(Map.of(200, alone.latencies().size()), alone.statuses(), "ordinary questions alone");
        assertEquals(Map.of(200, attacked.latencies().size()), attacked.statuses(), "ordinary questions beside the attack");
        assertEquals(Map.of(400, attackStatuses.get("U+FDFA x 200").values().stream().mapToInt(Integer::intValue).sum()),
                attackStatuses.get("U+FDFA x 200"), "names that expand past the limit are refused");
        assertEquals(Map.of(400, attackStatuses.get("U+FDFA x 11 + name").values().stream().mapToInt(Integer::intValue).sum()),
                attackStatuses.get("U+FDFA x 11 + name"), "names that expand past the limit are refused");
        assertFalse(attackStatuses.get("200 characters").keySet().stream().anyMatch(s -> s >= 500 || s < 0),
                "long names are answered or refused, never failed: " + attackStatuses);
        long bound = 10 * alone.percentile(0.99) + 2_000;
        assertTrue(attacked.percentile(0.99) <= bound, "ordinary p99 beside the attack " + attacked.percentile(0.99)
                + " ms, alone " + alone.percentile(0.99) + " ms (bound " + bound + " ms)");
    }

    private static void attack(Map<String, Map<Integer, Integer>> statuses, String kind, String name) {
        int status;
        try {
            status = HTTP.send(person(name), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            status = -1;
        }
        statuses.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
    }
}
