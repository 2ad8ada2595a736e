package org.frontline.cache;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontline.match.PersonNameMatcher;
import org.frontline.search.SearchConfig;
import org.frontline.source.SourceRegistry;
import org.frontline.source.SourcesConfig;
import org.frontline.testsupport.DedicatedRedis;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.InjectedFaults;
import org.frontline.testsupport.RedisProcess;
import org.frontline.testsupport.SourceDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import org.frontline.testsupport.TestTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis is optional at run time: killed in the middle of a load, no request fails and L2 comes back
 * by itself when Redis does; hanging (a proxy that swallows its answers), every request is still
 * answered within its deadline. Against a Redis of this test's own, never the machine's.
 */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DedicatedRedis.class, restrictToAnnotatedClass = true)
class RedisOutageTest {

    private static final long DEADLINE_MS = 1500;

    @Inject
    SourceCache cache;
    @Inject
    CacheConfig cacheConfig;
    @Inject
    SourcesConfig sourcesConfig;
    @Inject
    SourceRegistry registry;
    @Inject
    PersonNameMatcher matcher;
    @Inject
    SearchConfig searchConfig;
    @Inject
    MeterRegistry meters;
    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void heal() {
        FaultProxy.mode(DedicatedRedis.PROXY, FaultProxy.Mode.PASS);
    }

    @Test
    void redisKilledMidLoadFailsNoRequestAndL2ComesBackWithIt() throws Exception {
        assertEquals("redis://127.0.0.1:" + System.getProperty(DedicatedRedis.PROXY_PORT), redisUrl,
                "the service uses the test's own Redis");
        SecondInstance.awaitReady(cache, Duration.ofSeconds(10));
        List<String> questions = questions(30);
        questions.forEach(this::ask);   // warm: in L1 and L2

        Load load = new Load(questions, 6);
        load.start();
        Thread.sleep(1500);
        InjectedFaults.begin("redis", "the test's Redis killed mid-load");
        RedisProcess.kill(Long.parseLong(System.getProperty(DedicatedRedis.PID)));
        Thread.sleep(1000);
        assertTrue(cache.status().get("redis").startsWith("DOWN"), "Redis is seen down: " + cache.status());
        assertReadyWithRedisDetail("DOWN");
        Thread.sleep(1000);
        RedisProcess again = RedisProcess.startOn(Integer.parseInt(System.getProperty(DedicatedRedis.PORT)));
        System.setProperty(DedicatedRedis.PID, Long.toString(again.pid()));
        InjectedFaults.end("redis");
        Thread.sleep(2500);
        load.stop();

        System.out.printf("Redis killed mid-load: %d answers, %d failed, slowest %d ms%n", load.answered.get(),
                load.failures.size(), load.slowestMs.get());
        assertTrue(load.answered.get() > 100, "the load ran: " + load.answered.get() + " answers");
        assertEquals(List.of(), List.copyOf(load.failures), "failed requests among " + load.answered.get());

        // healed by itself: shared again, and an answer one instance stored is an L2 hit on another
        SecondInstance.awaitReady(cache, Duration.ofSeconds(10));
        assertReadyWithRedisDetail("UP");
        try (SecondInstance other = new SecondInstance(redisUrl, cacheConfig, sourcesConfig, registry)) {
            SecondInstance.awaitReady(other.cache, Duration.ofSeconds(10));
            Thread.sleep(300);   // both instances have merged their generations through Redis
            // A's L2 write is asynchronous (and, like every Redis command, may be dropped when slow):
            // a few questions, each given a moment to reach Redis before B asks it
            double l2Hits = other.count("interpol", "l2", "hit");
            for (int i = 0; i < 5 && other.count("interpol", "l2", "hit") == l2Hits; i++) {
                String name = "Olaf Brindlesworth" + "abcde".charAt(i);
                TestTokens.asOfficer().contentType("application/json").body(Map.of("name", name, "purpose", "identity check"))
                        .when().post("/v1/search/person").then().statusCode(200);
                Thread.sleep(200);
                other.persons("interpol", matcher.searchKey(name), searchConfig.maxCandidates());
            }
            assertEquals(l2Hits + 1, other.count("interpol", "l2", "hit"), () -> "L2 serves again after the restart; " + cache.status() + other.cache.status() + " second instance: "
                    + other.meters.find("frontline.cache.requests").tag("source", "interpol").counters().stream()
                    .map(c -> c.getId().getTag("tier") + "/" + c.getId().getTag("result") + "=" + c.count()).toList()
                    + ", this one: " + meters.find("frontline.cache.requests").tag("source", "interpol").counters().stream()
                    .map(c -> c.getId().getTag("tier") + "/" + c.getId().getTag("result") + "=" + c.count()).toList());
        }
    }

    @Test
    void hangingRedisNeverHoldsAnAnswerPastItsDeadline() throws Exception {
        SecondInstance.awaitReady(cache, Duration.ofSeconds(10));
        List<String> questions = questions(20);
        questions.forEach(this::ask);

        FaultProxy.mode(DedicatedRedis.PROXY, FaultProxy.Mode.BLACKHOLE);
        Load load = new Load(questions, 4);
        load.start();
        Thread.sleep(3000);
        load.stop();
        System.out.printf("Redis hanging: %d answers, %d failed or late, slowest %d ms%n", load.answered.get(),
                load.failures.size(), load.slowestMs.get());
        assertEquals(List.of(), List.copyOf(load.failures), "failed or late requests among " + load.answered.get());
        assertTrue(load.slowestMs.get() < DEADLINE_MS, "slowest answer " + load.slowestMs.get() + " ms");
        assertTrue(cache.status().get("redis").startsWith("DOWN"), "a hanging Redis is seen down: " + cache.status());
        assertReadyWithRedisDetail("DOWN");

        FaultProxy.mode(DedicatedRedis.PROXY, FaultProxy.Mode.PASS);
        SecondInstance.awaitReady(cache, Duration.ofSeconds(10));
    }

    // ------------------------------------------------------------------ helpers

    /** Document questions: two known stolen documents and unknown numbers. */
    private static List<String> questions(int n) {
        List<String> bodies = new ArrayList<>();
        bodies.add(body("X9TEST001", "ESP"));
        bodies.add(body("P4471902", "FRA"));
        for (int i = 2; i < n; i++) {
            bodies.add(body("RO" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999), "ITA"));
        }
        return bodies;
    }

    private static String body(String number, String country) {
        return "{\"number\":\"" + number + "\",\"issuingCountry\":\"" + country + "\",\"purpose\":\"border check\"}";
    }

    /** One question; null when it was answered completely (every source OK) in time, else what went wrong. */
    private String ask(String body) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + "/v1/search/document"))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("Authorization", "Bearer " + TestTokens.officer())
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            JsonPath answer = JsonPath.from(response.body());
            if (!answer.getBoolean("complete")) {
                return "incomplete: " + answer.getList("sources.status");
            }
            if (tookMs >= DEADLINE_MS) {
                return "answered after " + tookMs + " ms";
            }
            return null;
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static void assertReadyWithRedisDetail(String state) {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'cache' }.data.redis", org.hamcrest.Matchers.startsWith(state));
    }

    /** Clients asking the questions in a loop until stopped, counting answers and failures. */
    private final class Load {
        private final List<String> questions;
        private final ExecutorService clients;
        private final int threads;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong answered = new AtomicLong();
        final AtomicLong slowestMs = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

        Load(List<String> questions, int threads) {
            this.questions = questions;
            this.threads = threads;
            this.clients = Executors.newFixedThreadPool(threads);
        }

        void start() {
            for (int t = 0; t < threads; t++) {
                clients.submit(() -> {
                    while (running.get()) {
                        String q = questions.get(ThreadLocalRandom.current().nextInt(questions.size()));
                        long start = System.nanoTime();
                        String failure = ask(q);
                        slowestMs.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                        answered.incrementAndGet();
                        if (failure != null) {
                            failures.add(failure);
                        }
                    }
                });
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
