package org.frontline.peers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver's accounting, with in-process targets (no load, no timing claims about real systems):
 * the open model's fixed schedule, the in-flight cap, latency from the intended send time, and the
 * closed model with a target that answers synchronously.
 */
class DriverTest {

    private static final List<Query> QUERIES = List.of(new Query("Q1", "DEU", "DE", "D"), new Query("Q2", "FRA", "FR", "FRA"));
    private static final long MS = 1_000_000L;
    private ExecutorService server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    /** Answers at once, on the caller's thread. */
    private static Target instant(String status) {
        return new Target() {
            @Override
            public CompletableFuture<String> call(Query query) {
                return CompletableFuture.completedFuture(status);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void openModelSendsExactlyTheScheduledArrivals() {
        Driver.Result r = new Driver(instant("ok"), QUERIES).open(1000, 10_000, 0, 500 * MS, 100 * MS);
        assertEquals(500, r.requests(), "1000/s for 0.5 s");
        assertEquals(500, r.ok());
        assertEquals(0, r.errors());
        assertEquals(500, r.latencyMicros().getTotalCount());
    }

    @Test
    void openModelCountsArrivalsBeyondTheInFlightCapAsErrors() {
        Target never = new Target() {
            @Override
            public CompletableFuture<String> call(Query query) {
                return new CompletableFuture<>();
            }

            @Override
            public void close() {
            }
        };
        Driver.Result r = new Driver(never, QUERIES).open(1000, 10, 0, 300 * MS, 50 * MS);
        assertEquals(290, r.errors(), "300 arrivals, 10 may be in flight");
        assertEquals(290L, r.statuses().get("error:in-flight-cap"));
        assertEquals(0, r.ok());
        assertEquals(10, r.unfinished());
    }

    @Test
    void openModelLatencyRunsFromTheIntendedSendTimeNotFromTheActualOne() {
        // the target holds the sender 10 ms per query (as a full connection pool or a blocking client
        // would): the sender manages 100/s against 200/s scheduled for 1 s, so it falls behind and the
        // last arrivals go out about a second late. Timed from the actual send every latency would be
        // about 10 ms: coordinated omission. Timed from the schedule, the lateness is in the latency.
        Target holdsTheSender = new Target() {
            @Override
            public CompletableFuture<String> call(Query query) {
                try {
                    TimeUnit.MILLISECONDS.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CompletableFuture.completedFuture("ok");
            }

            @Override
            public void close() {
            }
        };
        Driver.Result r = new Driver(holdsTheSender, QUERIES).open(200, 10_000, 0, 1000 * MS, 10_000 * MS);
        assertEquals(200, r.ok());
        long p99Ms = r.latencyMicros().getValueAtPercentile(99) / 1000;
        assertTrue(p99Ms >= 500, "p99 " + p99Ms + " ms should hold the sender's lateness (>= 500 ms)");
    }

    @Test
    void closedModelSurvivesATargetThatAnswersSynchronouslyAndCountsErrors() throws InterruptedException {
        Driver.Result r = new Driver(instant("error:Boom"), QUERIES).closed(2, 0, 200 * MS, 1000 * MS);
        assertTrue(r.requests() > 10_000, "an instant target answers many times in 0.2 s: " + r.requests());
        assertEquals(r.requests(), r.errors());
        assertEquals(0, r.ok());
        assertEquals(r.requests(), r.statuses().get("error:Boom"));
        assertEquals(0, r.latencyMicros().getTotalCount(), "errors are not timed");
    }

    @Test
    void closedModelKeepsAtMostOneRequestPerWorkerInFlight() throws Exception {
        server = Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        Target counting = new Target() {
            @Override
            public CompletableFuture<String> call(Query query) {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        TimeUnit.MILLISECONDS.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    now.decrementAndGet();
                    return Target.OK_HIT;
                }, server);
            }

            @Override
            public void close() {
            }
        };
        Driver.Result r = new Driver(counting, QUERIES).closed(3, 0, 300 * MS, 1000 * MS);
        assertTrue(r.ok() > 0);
        assertEquals(r.ok(), r.hits());
        assertEquals(3, most.get(), "3 workers, never more than 3 in flight");
    }
}
