package org.frontline.load;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A realistic mix at a border and on patrol, open model (arrivals at a fixed rate whatever the
 * response times: no coordinated omission). Each arrival sends one query:
 * <ul>
 *   <li>documents ({@code docShare}, default 70%): no-hit numbers that exist nowhere, with the
 *       stolen passport P4471902/FRA among them at rank 3 of the Zipf pool;</li>
 *   <li>persons ({@code personShare}, default 20%): the walkthrough subjects under their spelling
 *       variants (Muhammad Al Rasheed, Mohammed Al-Rashid, Yuriy Shcherbakov, Iouri Chtcherbakov...)
 *       at the top ranks, random names otherwise;</li>
 *   <li>vehicles (the rest, default 10%): the stolen car ABC1234/BRA at rank 2, random plates.</li>
 * </ul>
 * Each kind draws from its own pool of {@code poolSize} precomputed queries with a Zipf
 * distribution of exponent {@code zipf}: a few queries repeat often, most rarely.
 *
 * <p>Checks: HTTP 200 and an {@code outcome} in the answer. Assertions: failed requests at most
 * {@code maxFailedPct} percent, p99 of the whole answer under {@code maxP99Ms}.
 */
public class BorderMixSimulation extends Simulation {

    private final String baseUrl = LoadSettings.baseUrl();
    private final double rate = LoadSettings.decimal("rate", 10);
    private final int duration = LoadSettings.integer("duration", 60);
    private final int rampSeconds = LoadSettings.integer("rampSeconds", 0);
    private final int poolSize = LoadSettings.integer("poolSize", 2000);
    private final double zipf = LoadSettings.decimal("zipf", 1.0);
    private final double docShare = LoadSettings.decimal("docShare", 70);
    private final double personShare = LoadSettings.decimal("personShare", 20);
    private final int maxP99Ms = LoadSettings.integer("maxP99Ms", 1700);
    private final double maxFailedPct = LoadSettings.decimal("maxFailedPct", 0);

    private final Zipf<Queries.Query> documents;
    private final Zipf<Queries.Query> persons;
    private final Zipf<Queries.Query> vehicles;

    {
        Random rnd = new Random(LoadSettings.seed());
        documents = new Zipf<>(Queries.pool(poolSize, rnd, Queries::unknownDocument,
                List.of(Queries.stolenPassport()), 3), zipf);
        List<Queries.Query> variants = new ArrayList<>();
        for (String name : Queries.SPELLING_VARIANTS) {
            variants.add(Queries.person("person variant", name, null));
        }
        // the wanted person with the date of birth that the walkthrough gives
        variants.set(0, Queries.person("person variant", "Muhammad Al Rasheed", "1983-04-12"));
        persons = new Zipf<>(Queries.pool(poolSize, rnd, Queries::randomPerson, variants,
                1, 2, 4, 6, 3, 5, 8, 11), zipf);
        vehicles = new Zipf<>(Queries.pool(poolSize, rnd, Queries::randomVehicle,
                List.of(Queries.vehicle("vehicle hit", "ABC1234", "BRA")), 2), zipf);
        System.out.printf("BorderMix: %s, %.1f arrivals/s for %d s (ramp %d s), pools of %d, zipf s=%.2f "
                        + "(top 10 ranks = %.0f%% of draws), mix documents %.0f%% / persons %.0f%% / vehicles %.0f%%%n",
                baseUrl, rate, duration, rampSeconds, poolSize, zipf, 100 * documents.headShare(10),
                docShare, personShare, 100 - docShare - personShare);
    }

    private Queries.Query next() {
        double u = ThreadLocalRandom.current().nextDouble(100);
        if (u < docShare) {
            return documents.next();
        }
        return u < docShare + personShare ? persons.next() : vehicles.next();
    }

    private final HttpProtocolBuilder protocol = LoadSettings.protocol(baseUrl);

    private final ScenarioBuilder scenario = scenario("border mix")
            .exec(session -> {
                Queries.Query q = next();
                return session.set("kind", q.kind()).set("name", q.name()).set("body", q.body());
            })
            .exec(http("#{name}")
                    .post("/v1/search/#{kind}")
                    .body(StringBody("#{body}"))
                    .check(status().is(200))
                    .check(jsonPath("$.outcome").in("HIT", "POSSIBLE_MATCH", "NO_HIT", "INCOMPLETE")));

    {
        List<OpenInjectionStep> steps = new ArrayList<>();
        if (rampSeconds > 0) {
            steps.add(rampUsersPerSec(1).to(rate).during(rampSeconds));
        }
        steps.add(constantUsersPerSec(rate).during(duration));
        setUp(scenario.injectOpen(steps).protocols(protocol))
                .maxDuration(rampSeconds + duration + 120L)
                .assertions(Arrays.asList(
                        global().failedRequests().percent().lte(maxFailedPct),
                        global().responseTime().percentile(99.0).lt(maxP99Ms)));
    }
}
