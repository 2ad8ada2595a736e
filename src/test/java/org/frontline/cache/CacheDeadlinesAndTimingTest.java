package org.frontline.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.SourceStatus;
import org.frontline.source.SourceCall;
import org.frontline.source.SourceRegistry;
import org.frontline.source.SourcesConfig;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #14 on the cache, against the real sources (ASEANAPOL slowed by a real TCP proxy) and the
 * real Redis: callers who share one source call each keep their own deadline, and an answer served
 * from cache does not tell an officer that somebody asked the same question before.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class CacheDeadlinesAndTimingTest {

    /** Slower than the floor deadline, well below the change feed's probe timeout (the feed must stay up). */
    private static final int DELAY_MS = 300;

    @Inject
    SourceCache cache;
    @Inject
    MeterRegistry meters;
    @Inject
    CacheConfig cacheConfig;
    @Inject
    SourcesConfig sourcesConfig;
    @Inject
    SourceRegistry registry;
    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisUrl;

    @AfterEach
    void heal() {
        FaultProxy.reset();
    }

    @Test
    void joinersOfOneSourceCallEachKeepTheirOwnDeadline() {
        SecondInstance.awaitReady(cache, Duration.ofSeconds(10));
        String number = "SF" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        double l1Misses = count("l1", "miss");
        double fills = fills();
        FaultProxy.delay(DELAY_MS);

        // the first caller asks with the shortest deadline allowed, the second joins its call with a longer one
        CompletableFuture<Response> hurried = ask(number, 200);
        sleep(50);
        CompletableFuture<Response> patient = ask(number, 3000);

        JsonPath first = hurried.join().then().statusCode(200).extract().jsonPath();
        JsonPath second = patient.join().then().statusCode(200).extract().jsonPath();
        assertEquals("TIMEOUT", status(first), "the hurried caller's own deadline");
        assertEquals("OK", status(second), "the patient caller gets the source's answer, not the other's TIMEOUT: "
                + second.prettify());
        assertEquals("NO_HIT", second.getString("outcome"));
        assertEquals(l1Misses + 2, count("l1", "miss"), "both missed L1");
        assertEquals(fills + 1, fills(), "and shared one call");

        // the shared call ran to its end whoever left: its answer is cached
        FaultProxy.reset();
        double l1Hits = count("l1", "hit");
        assertEquals("OK", status(ask(number, 1000).join().then().statusCode(200).extract().jsonPath()));
        assertEquals(l1Hits + 1, count("l1", "hit"));
    }

    @Test
    void anAnswerFromL1LooksLikeAnAnswerFromTheSources() {
        SecondInstance.awaitReady(cache, Duration.ofSeconds(10));
        String asked = "TS" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String neverAsked = "TN" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        FaultProxy.delay(DELAY_MS / 5);

        Response load = ask(asked, 3000).join();
        double hits = l1HitsOfAllSources();
        Response hit = ask(asked, 3000).join();
        assertEquals(hits + 5, l1HitsOfAllSources(), "the repeat was answered from L1 for all five sources");
        Response fresh = ask(neverAsked, 3000).join();

        JsonPath loaded = load.then().statusCode(200).extract().jsonPath();
        JsonPath cached = hit.then().statusCode(200).extract().jsonPath();
        JsonPath uncached = fresh.then().statusCode(200).extract().jsonPath();
        // what the sources took when the answer was loaded is what a hit reports: never a tell-tale 0
        assertEquals(latencies(loaded), latencies(cached));
        assertTrue(latencies(cached).get(SourceDatabases.PROXIED) >= DELAY_MS / 5, latencies(cached).toString());
        assertTrue(latencies(uncached).get(SourceDatabases.PROXIED) >= DELAY_MS / 5, latencies(uncached).toString());
        for (JsonPath answer : List.of(cached, uncached)) {
            long slowest = latencies(answer).values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertTrue(answer.getLong("elapsedMs") >= slowest, "elapsed " + answer.getLong("elapsedMs") + " < " + slowest);
        }
        // the same fields and the same headers, whatever the tier
        assertEquals(shape(uncached.getMap("")), shape(cached.getMap("")));
        assertEquals(headerNames(fresh), headerNames(hit));
    }

    @Test
    void anAnswerFromRedisReportsTheLatencyTheSourceTook() {
        try (SecondInstance other = new SecondInstance(redisUrl, cacheConfig, sourcesConfig, registry)) {
            // a new instance's change feeds move every generation once (nothing from before it listened is trusted):
            // both must have taken that in before an answer cached by one can be found by the other
            SecondInstance.awaitReady(other.cache, Duration.ofSeconds(10));
            SecondInstance.awaitReady(cache, Duration.ofSeconds(10));
            FaultProxy.delay(DELAY_MS / 5);
            SourceCall<List<DocumentRecord>> fromRedis = null;
            long took = -1;
            for (int attempt = 0; attempt < 10 && (fromRedis == null || !fromRedis.ok()); attempt++) {
                sleep(200);
                String number = "TR" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
                took = latencies(ask(number, 3000).join().then().statusCode(200).extract().jsonPath()).get(SourceDatabases.PROXIED);
                fromRedis = other.cache.get(CacheKey.documents(SourceDatabases.PROXIED, new DocumentQuery(number, "NLD", null)),
                                Duration.ofSeconds(2), () -> Uni.createFrom().item(
                                        new SourceCall<List<DocumentRecord>>(SourceStatus.ERROR, null, 0, "not in Redis")))
                        .await().atMost(Duration.ofSeconds(3));
            }
            assertTrue(fromRedis.ok(), "the second instance never found the first one's answer in Redis");
            assertTrue(fromRedis.cached());
            assertTrue(took >= DELAY_MS / 5, "took " + took);
            assertEquals(took, fromRedis.latencyMs(), "an L2 hit reports what the source took, not the Redis read");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static CompletableFuture<Response> ask(String number, int deadlineMs) {
        return CompletableFuture.supplyAsync(() -> TestTokens.asOfficer().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("number", number, "issuingCountry", "NLD", "purpose", "border check", "deadlineMs", deadlineMs))
                .when().post("/v1/search/document"));
    }

    private static String status(JsonPath answer) {
        return answer.getString("sources.find { it.source == '" + SourceDatabases.PROXIED + "' }.status");
    }

    private static Map<String, Long> latencies(JsonPath answer) {
        Map<String, Long> bySource = new LinkedHashMap<>();
        for (Map<String, Object> s : answer.<Map<String, Object>>getList("sources")) {
            bySource.put((String) s.get("source"), ((Number) s.get("latencyMs")).longValue());
        }
        return bySource;
    }

    /** Every field path of a JSON value, without the values. */
    private static Set<String> shape(Object value) {
        Set<String> paths = new TreeSet<>();
        shape("", value, paths);
        return paths;
    }

    private static void shape(String at, Object value, Set<String> paths) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> shape(at + "/" + k, v, paths));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> shape(at + "[]", v, paths));
        }
        paths.add(at);
    }

    private static Set<String> headerNames(Response response) {
        Set<String> names = new TreeSet<>();
        response.getHeaders().forEach(h -> names.add(h.getName().toLowerCase()));
        return names;
    }

    private double l1HitsOfAllSources() {
        double n = 0;
        for (String source : SourceDatabases.SOURCES) {
            n += SecondInstance.counter(meters, source, "l1", "hit");
        }
        return n;
    }

    private double count(String tier, String result) {
        return SecondInstance.counter(meters, SourceDatabases.PROXIED, tier, result);
    }

    /** Look-ups that went past L1 for the proxied source: one per shared call. */
    private double fills() {
        double n = 0;
        for (String result : List.of("hit", "miss", "bypass")) {   // an "error" is counted with a miss
            n += SecondInstance.counter(meters, SourceDatabases.PROXIED, "l2", result);
        }
        return n;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
