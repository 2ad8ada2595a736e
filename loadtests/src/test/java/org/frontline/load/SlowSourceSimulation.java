package org.frontline.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.Arrays;
import java.util.List;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * One source slowed down (by {@code loadtests/tools/DelayProxy.java}, see {@code slow-source.sh}):
 * unknown-document checks arrive at {@code rate} per second for {@code duration} seconds (open
 * model: arrivals do not wait for answers, so a slow answer cannot hide the next arrival).
 *
 * <p>Each answer must be HTTP 200 with {@code outcome} INCOMPLETE (a document nobody holds, but a
 * source that did not answer can never turn into a "no hit") and the delayed source's status one
 * of {@code delayedStatuses} (default TIMEOUT; with the source's circuit breaker left on, pass
 * {@code TIMEOUT,CIRCUIT_OPEN}). Assertions: no failed request, and the p99 of the whole answer
 * under the configured deadline ({@code deadlineMs}) plus {@code marginMs}.
 */
public class SlowSourceSimulation extends Simulation {

    private final String baseUrl = LoadSettings.baseUrl();
    private final double rate = LoadSettings.decimal("rate", 20);
    private final int duration = LoadSettings.integer("duration", 60);
    private final int deadlineMs = LoadSettings.integer("deadlineMs", 1500);
    private final int marginMs = LoadSettings.integer("marginMs", 200);
    private final String delayedSource = LoadSettings.string("delayedSource", "europol");
    private final List<String> delayedStatuses = Arrays.stream(LoadSettings.string("delayedStatuses", "TIMEOUT").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).toList();

    {
        if (!delayedSource.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException("delayedSource: a source id, e.g. europol");
        }
        System.out.printf("SlowSource: %s, %.1f arrivals/s for %d s, delayed source %s expected %s, "
                        + "assert p99 < %d + %d ms and no failure%n",
                baseUrl, rate, duration, delayedSource, delayedStatuses, deadlineMs, marginMs);
    }

    private final HttpProtocolBuilder protocol = LoadSettings.protocol(baseUrl);

    private final ScenarioBuilder scenario = scenario("one source delayed")
            .exec(http("document no-hit, " + delayedSource + " delayed")
                    .post("/v1/search/document")
                    .body(StringBody(session -> Queries.freshUnknownDocument().body()))
                    .check(status().is(200))
                    .check(jsonPath("$.outcome").is("INCOMPLETE"))
                    .check(jsonPath("$.complete").ofBoolean().is(false))
                    .check(jsonPath("$.sources[?(@.source == '" + delayedSource + "')].status")
                            .in(delayedStatuses)));

    {
        setUp(scenario.injectOpen(constantUsersPerSec(rate).during(duration)).protocols(protocol))
                .maxDuration(duration + 120L)
                .assertions(Arrays.asList(
                        global().failedRequests().count().is(0L),
                        global().responseTime().percentile(99.0).lt(deadlineMs + marginMs)));
    }
}
