package org.frontline.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The whole person answer under load (issue #18, item 2): labelled person questions of the
 * answer-quality benchmark (one request body a line, written by {@code AnswerQualityMain
 * --questions-out}, every kind of question an officer asks, shuffled), asked through
 * {@code POST /v1/search/person} with the cache off, in turn (the file is cycled when the run asks
 * more questions than it holds).
 *
 * <p>Two models: {@code open} (arrivals at {@code rate} per second whatever the answers do, so a slow
 * answer cannot hide the next arrival: the "open model at 50 requests/s") and {@code closed}
 * ({@code users} clients, each asking as soon as its last answer came: one client is the cold p50).
 * An answer counts as failed unless it is HTTP 200 and every source answered in time (no TIMEOUT, BUSY,
 * ERROR or CIRCUIT_OPEN): a source dropped under load is the service failing the officer, not a fast
 * answer. Records withheld by need-to-know also make an answer incomplete ({@code complete: false})
 * and are no failure. No assertion on latency here: the script reads the figures against the issue's
 * targets.
 */
public class PersonAnswerSimulation extends Simulation {

    private final String baseUrl = LoadSettings.baseUrl();
    private final String model = LoadSettings.string("model", "open");
    private final double rate = LoadSettings.decimal("rate", 50);
    private final int users = LoadSettings.integer("users", 1);
    private final int duration = LoadSettings.integer("duration", 60);
    private final List<String> questions = questions(Path.of(LoadSettings.string("questions", "")));
    private final AtomicLong next = new AtomicLong();

    {
        if (!model.equals("open") && !model.equals("closed")) {
            throw new IllegalArgumentException("model: open or closed, got " + model);
        }
        System.out.printf("PersonAnswer: %s, %s model, %s for %d s, %d questions%n", baseUrl, model,
                model.equals("open") ? rate + " arrivals/s" : users + " clients", duration, questions.size());
    }

    private static List<String> questions(Path file) {
        if (file.toString().isEmpty()) {
            throw new IllegalArgumentException("-Dquestions=<file of person request bodies, one JSON a line> is required");
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no question");
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Iterator<Map<String, Object>> feeder = new Iterator<>() {
        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Map<String, Object> next() {
            return Map.of("body", questions.get((int) (next.getAndIncrement() % questions.size())));
        }
    };

    private final HttpProtocolBuilder protocol = LoadSettings.protocol(baseUrl);

    private final ScenarioBuilder scenario = scenario("person answer")
            .feed(feeder)
            .exec(http("person, cache off")
                    .post("/v1/search/person")
                    .body(StringBody("#{body}"))
                    .check(status().is(200))
                    .check(jsonPath("$.sources[?(@.status == 'TIMEOUT')]").notExists().name("a source timed out"))
                    .check(jsonPath("$.sources[?(@.status == 'BUSY')]").notExists().name("a source was busy"))
                    .check(jsonPath("$.sources[?(@.status == 'ERROR')]").notExists().name("a source failed"))
                    .check(jsonPath("$.sources[?(@.status == 'CIRCUIT_OPEN')]").notExists().name("a source's breaker was open")));

    {
        setUp(model.equals("open")
                ? scenario.injectOpen(constantUsersPerSec(rate).during(duration)).protocols(protocol)
                : scenario.injectClosed(constantConcurrentUsers(users).during(duration)).protocols(protocol))
                .maxDuration(duration + 120L);
    }
}
