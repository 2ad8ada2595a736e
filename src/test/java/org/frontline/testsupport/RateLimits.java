package org.frontline.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Officers who have used up their searches of the minute, for tests of the 429 refusal. */
public final class RateLimits {

    private RateLimits() {
    }

    /**
     * A request specification carrying the token of a fresh officer who has just been refused with
     * 429: searches are sent from 8 threads until one is refused (a minute boundary may reset the
     * window once, so up to 320 are allowed).
     */
    public static RequestSpecification exhaustedOfficer() {
        String token = TestTokens.token("hasty-" + UUID.randomUUID(), "BMI", "AUT", "RESTRICTED", "OFFICER");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            AtomicBoolean limited = new AtomicBoolean();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < 40 && !limited.get(); i++) {
                        int status = RestAssured.given().header("Authorization", "Bearer " + token)
                                .contentType("application/json").accept("application/json")
                                .body(Map.of("number", "RL0000009", "issuingCountry", "AUT", "purpose", "rate limit"))
                                .post("/v1/search/document").statusCode();
                        if (status == 429) {
                            limited.set(true);
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get(5, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new AssertionError("could not exhaust an officer's searches", e);
        } finally {
            pool.shutdownNow();
        }
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
