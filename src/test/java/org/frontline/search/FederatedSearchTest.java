package org.frontline.search;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.frontline.cache.SourceCache;
import org.frontline.match.MatchThresholds;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.DocumentQuery;
import org.frontline.model.Outcome;
import org.frontline.model.SourceStatus;
import org.frontline.source.EngineFixtures;
import org.frontline.source.EngineFixtures.FakeConnector;
import org.frontline.testsupport.MovableClock;
import org.frontline.source.EngineFixtures.RecordingBreaker;
import org.frontline.source.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The federation engine itself, without HTTP, databases or Quarkus: the production
 * {@link FederatedSearch} and {@link Source} around fake connectors, a breaker that records what
 * it is told, and (where the engine reads time) a clock the test moves. Timers that Mutiny runs
 * (a caller's wait, a source's timeout) are real and short.
 */
class FederatedSearchTest {

    private static final PersonNameMatcher MATCHER = PersonNameMatcher.create();
    private static final DocumentQuery DOCUMENT = new DocumentQuery("QQ0000001", "NLD", null);
    private static final Duration FLOOR = Duration.ofMillis(100);

    /** The first search of a JVM loads the engine's classes: not something the timed tests should measure. */
    @BeforeAll
    static void warmUp() {
        new SearchRun(config(FLOOR, Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .with("warm", FakeConnector.answeringAfter(Duration.ofMillis(1)), Duration.ofSeconds(1), 100)
                .with("cold", FakeConnector.silent(), Duration.ofMillis(20), 100)
                .timed(null);
    }

    // ------------------------------------------------------------------ the deadline: default, cap, floor

    @Test
    void deadlineIsTheDefaultWhenNoneIsAskedCappedAboveTheMaximumAndRaisedToTheFloor() {
        FederatedSearch engine = engine(config(FLOOR, Duration.ofMillis(1500), Duration.ofSeconds(5)), Clock.systemUTC());
        assertEquals(Duration.ofMillis(1500), engine.effectiveDeadline(null));
        assertEquals(Duration.ofSeconds(5), engine.effectiveDeadline(Duration.ofSeconds(60)));
        assertEquals(FLOOR, engine.effectiveDeadline(Duration.ofMillis(3)));
        assertEquals(Duration.ofMillis(700), engine.effectiveDeadline(Duration.ofMillis(700)));
        assertEquals(FLOOR, engine.minDeadline());
    }

    @Test
    void aSilentSourceIsWaitedForNoLongerThanTheMaximumDeadline() {
        // the source's own timeout (10 s) is far longer than the cap: only the cap can end this search early
        SearchRun run = new SearchRun(config(FLOOR, Duration.ofMillis(200), Duration.ofMillis(300)))
                .with("silent", FakeConnector.silent(), Duration.ofSeconds(10), 100);
        long took = run.timed(Duration.ofSeconds(60));
        assertEquals(SourceStatus.TIMEOUT, source(run.last, "silent").status());
        assertTrue(took >= 280 && took < 2_000, "waited " + took + " ms for a 60 s request capped at 300 ms");
    }

    @Test
    void aRequestWithoutDeadlineGetsTheDefault() {
        SearchRun run = new SearchRun(config(FLOOR, Duration.ofMillis(400), Duration.ofSeconds(20)))
                .with("silent", FakeConnector.silent(), Duration.ofSeconds(10), 100);
        long took = run.timed(null);
        assertEquals(SourceStatus.TIMEOUT, source(run.last, "silent").status());
        assertTrue(took >= 380 && took < 2_000, "waited " + took + " ms with a default deadline of 400 ms");
    }

    @Test
    void aDeadlineBelowTheFloorIsRaisedToIt() {
        // answers in 30 ms: a 3 ms budget would have given up on it, the 100 ms floor waits for it
        SearchRun run = new SearchRun(config(FLOOR, Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .with("quick", FakeConnector.answeringAfter(Duration.ofMillis(30)), Duration.ofSeconds(1), 100);
        run.timed(Duration.ofMillis(3));
        assertEquals(SourceStatus.OK, source(run.last, "quick").status());
    }

    @Test
    void deadlineIsOneInstantOnTheInjectedClockAndTimeSpentCountsAgainstIt() {
        MovableClock clock = new MovableClock(java.time.Instant.parse("2026-12-01T08:00:00Z"));
        // the first source asked takes (on the engine's clock) longer than the whole deadline: the second,
        // asked after it, finds no time left and is not called at all, and its breaker hears nothing
        FakeConnector late = FakeConnector.answeringAfter(Duration.ZERO);
        SearchRun run = new SearchRun(config(FLOOR, Duration.ofMillis(500), Duration.ofSeconds(5)), clock)
                .with("a-slow", FakeConnector.taking(Duration.ofMillis(600), clock), Duration.ofSeconds(1), 100)
                .with("b-late", late, Duration.ofSeconds(1), 100);
        run.timed(null);
        assertEquals(SourceStatus.OK, source(run.last, "a-slow").status());
        assertEquals(600, source(run.last, "a-slow").latencyMs(), "latency is read on the injected clock");
        assertEquals(SourceStatus.TIMEOUT, source(run.last, "b-late").status());
        assertEquals(0, late.calls.get(), "a source is not asked once the deadline has passed");
        RecordingBreaker b = run.breakers.get(1);
        assertEquals(0, b.successes.get() + b.failures.get(), "nothing reached the breaker");
        assertTrue(run.last.elapsedMs() >= 600, "elapsed " + run.last.elapsedMs());
    }

    // ------------------------------------------------------------------ the breaker hears the source, not the caller

    @Test
    void callersWithShortDeadlinesCannotOpenTheBreakerOfAHealthySource() {
        // the source answers in 300 ms, well within its own 2 s timeout; callers ask with the floor (100 ms)
        SearchRun run = new SearchRun(config(FLOOR, Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .with("steady", FakeConnector.answeringAfter(Duration.ofMillis(300)), Duration.ofSeconds(2), 4);
        RecordingBreaker breaker = run.breakers.get(0);
        for (int i = 0; i < 14; i++) {
            run.timed(FLOOR);
            assertEquals(SourceStatus.TIMEOUT, source(run.last, "steady").status(), "search " + i + ": the caller's wait ended first");
            assertTrue(source(run.last, "steady").detail().contains("deadline"), source(run.last, "steady").detail());
            assertEquals(Outcome.INCOMPLETE, run.last.outcome());
        }
        // every call went on to the source's own end, and the breaker heard 14 answers, no failure
        waitUntil(() -> breaker.successes.get() == 14, () -> "successes " + breaker.successes + ", failures " + breaker.failures);
        assertEquals(0, breaker.failures.get());
        assertFalse(breaker.open());
        run.timed(null);
        assertEquals(SourceStatus.OK, source(run.last, "steady").status(), "an officer with an ordinary deadline gets the source");
        assertTrue(run.last.complete());
    }

    @Test
    void theSourcesOwnTimeoutsAndErrorsStillOpenItsBreaker() {
        SearchRun run = new SearchRun(config(FLOOR, Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .with("hanging", FakeConnector.silent(), Duration.ofMillis(150), 4)
                .with("broken", FakeConnector.failing(), Duration.ofSeconds(1), 4);
        for (int i = 0; i < 4; i++) {
            run.timed(null);
            assertEquals(SourceStatus.TIMEOUT, source(run.last, "hanging").status(), "search " + i);
            assertEquals(SourceStatus.ERROR, source(run.last, "broken").status(), "search " + i);
        }
        waitUntil(() -> run.breakers.get(0).failures.get() == 4, () -> "own timeouts are failures: " + run.breakers.get(0).failures);
        assertEquals(4, run.breakers.get(1).failures.get(), "errors are failures");
        run.timed(null);
        assertEquals(SourceStatus.CIRCUIT_OPEN, source(run.last, "hanging").status());
        assertEquals(SourceStatus.CIRCUIT_OPEN, source(run.last, "broken").status());
    }

    @Test
    void anAnswerReportsTheSourcesLatencyAndNoShorterElapsedTime() {
        MovableClock clock = new MovableClock(java.time.Instant.parse("2026-12-01T08:00:00Z"));
        SearchRun run = new SearchRun(config(FLOOR, Duration.ofSeconds(1), Duration.ofSeconds(5)), clock)
                .with("measured", FakeConnector.taking(Duration.ofMillis(40), clock), Duration.ofSeconds(1), 4);
        run.timed(null);
        assertEquals(40, source(run.last, "measured").latencyMs());
        assertNull(source(run.last, "measured").detail());
        assertEquals(40, run.last.elapsedMs());
    }

    // ------------------------------------------------------------------ fixtures

    /** One engine over fake sources, the production cache-less path, and the answers it gave. */
    private static final class SearchRun {
        private final SearchConfig config;
        private final Clock clock;
        private final List<Source> sources = new ArrayList<>();
        final List<RecordingBreaker> breakers = new ArrayList<>();
        FederatedSearch engine;
        Answer last;

        SearchRun(SearchConfig config) {
            this(config, Clock.systemUTC());
        }

        SearchRun(SearchConfig config, Clock clock) {
            this.config = config;
            this.clock = clock;
        }

        SearchRun with(String id, FakeConnector connector, Duration timeout, int failuresToOpen) {
            RecordingBreaker breaker = new RecordingBreaker(failuresToOpen);
            breakers.add(breaker);
            sources.add(EngineFixtures.source(id, connector, timeout, breaker, clock));
            return this;
        }

        /** Runs one document search; returns the real time it took, in ms. */
        long timed(Duration requested) {
            if (engine == null) {
                engine = new FederatedSearch(EngineFixtures.registry(sources), MATCHER, config, clock,
                        new SourceMetrics(new SimpleMeterRegistry()), SourceCache.disabled());
            }
            long start = System.nanoTime();
            last = engine.search(DOCUMENT, requested, RecordAccess.UNRESTRICTED).await().atMost(Duration.ofSeconds(5));
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    private static Answer.SourceReport source(Answer answer, String id) {
        return answer.sources().stream().filter(s -> s.source().equals(id)).findFirst().orElseThrow();
    }

    private static SearchConfig config(Duration min, Duration dflt, Duration max) {
        return new SearchConfig() {
            @Override
            public Duration defaultDeadline() {
                return dflt;
            }

            @Override
            public Duration maxDeadline() {
                return max;
            }

            @Override
            public Duration minDeadline() {
                return min;
            }

            @Override
            public double hitThreshold() {
                return Double.parseDouble(MatchThresholds.HIT_PROBABILITY_TEXT);
            }

            @Override
            public double possibleThreshold() {
                return Double.parseDouble(MatchThresholds.POSSIBLE_PROBABILITY_TEXT);
            }

            @Override
            public int maxSubjects() {
                return 10;
            }

            @Override
            public int maxCandidates() {
                return 25;
            }

            @Override
            public double mergeThreshold() {
                return Double.parseDouble(MatchThresholds.MERGE_PROBABILITY_TEXT);
            }
        };
    }

    private static FederatedSearch engine(SearchConfig config, Clock clock) {
        return new FederatedSearch(EngineFixtures.registry(List.of()), MATCHER, config, clock,
                new SourceMetrics(new SimpleMeterRegistry()), SourceCache.disabled());
    }

    private static void waitUntil(BooleanSupplier condition, java.util.function.Supplier<String> failure) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
