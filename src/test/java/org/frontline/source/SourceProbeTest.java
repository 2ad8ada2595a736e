package org.frontline.source;

import io.smallrye.mutiny.Uni;
import org.frontline.source.EngineFixtures.FakeConnector;
import org.frontline.source.EngineFixtures.RecordingBreaker;
import org.frontline.testsupport.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@link Source#probe} without Quarkus or a database: the production {@link Source} around a connector whose
 * pings the test answers, a breaker that records what it is told, and a clock the test moves. What a probe
 * finds (up or down, why, and the ping's latency on the source's clock) and that the breaker hears none of it.
 * The probe's limit is a real Mutiny timer, short. (Against a real database, through readiness and
 * {@code /v1/sources}: SourcesReadinessTest.)
 */
class SourceProbeTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final RecordingBreaker breaker = new RecordingBreaker(1);

    @Test
    void aProbeReportsThePingsLatencyOnTheSourcesClockAndTheBreakerHearsNothing() {
        FakeConnector connector = FakeConnector.pinging(() -> Uni.createFrom().item(() -> {
            clock.advance(Duration.ofMillis(40));
            return null;
        }));
        Source.Probe probe = await(source(connector, Duration.ofSeconds(5)).probe(LIMIT));
        assertEquals(new Source.Probe(true, null, 40), probe);
        assertEquals("UP", probe.state());
        assertHeardNothing();
    }

    @Test
    void probesThatAskWhileAPingIsOnItsWayShareItAndReportItsLatency() throws Exception {
        AtomicReference<CompletableFuture<Void>> answer = new AtomicReference<>(new CompletableFuture<>());
        FakeConnector connector = FakeConnector.pinging(() -> Uni.createFrom().completionStage(answer.get()));
        Source source = source(connector, Duration.ofSeconds(5));

        CompletableFuture<Source.Probe> first = source.probe(LIMIT).subscribeAsCompletionStage();
        clock.advance(Duration.ofMillis(30));
        CompletableFuture<Source.Probe> second = source.probe(LIMIT).subscribeAsCompletionStage();
        clock.advance(Duration.ofMillis(20));
        answer.get().complete(null);

        // the ping was sent once, 50 ms before it was answered: both report that, not their own wait
        assertEquals(new Source.Probe(true, null, 50), first.get(5, TimeUnit.SECONDS));
        assertEquals(new Source.Probe(true, null, 50), second.get(5, TimeUnit.SECONDS));
        assertEquals(1, connector.pings.get());

        // answered, it makes way: the next probe sends a ping of its own
        answer.set(CompletableFuture.completedFuture(null));
        assertEquals(new Source.Probe(true, null, 0), await(source.probe(LIMIT)));
        assertEquals(2, connector.pings.get());
        assertHeardNothing();
    }

    @Test
    void aPingThatFailsIsDownWithItsFailuresClassAndTheBreakerHearsNothing() {
        FakeConnector connector = FakeConnector.pinging(() -> Uni.createFrom().item(() -> {
            clock.advance(Duration.ofMillis(7));
            throw new IllegalStateException("connection reset");
        }));
        Source.Probe probe = await(source(connector, Duration.ofSeconds(5)).probe(LIMIT));
        assertEquals(new Source.Probe(false, "IllegalStateException", 7), probe);
        assertEquals("DOWN (IllegalStateException)", probe.state());
        assertHeardNothing();
    }

    @Test
    void aPingNotAnsweredWithinTheLimitIsATimeoutReportingHowLongItHasBeenOnItsWay() {
        FakeConnector connector = FakeConnector.pinging(() -> Uni.createFrom().nothing());
        Source source = source(connector, Duration.ofSeconds(5));
        CompletableFuture<Source.Probe> waiting = source.probe(Duration.ofMillis(100)).subscribeAsCompletionStage();
        clock.advance(Duration.ofMillis(100));
        Source.Probe probe = waiting.join();
        assertEquals(new Source.Probe(false, "TIMEOUT", 100), probe);
        assertEquals("DOWN (TIMEOUT)", probe.state());

        // the ping is still on its way: a probe asking now waits for the same one, and reports its age
        clock.advance(Duration.ofMillis(50));
        assertEquals(new Source.Probe(false, "TIMEOUT", 150), await(source.probe(Duration.ofMillis(50))));
        assertEquals(1, connector.pings.get());
        assertHeardNothing();
    }

    @Test
    void aPingGivenUpAtTheSourcesOwnTimeoutIsATimeout() {
        FakeConnector connector = FakeConnector.pinging(() -> Uni.createFrom().nothing());
        Source.Probe probe = await(source(connector, Duration.ofMillis(50)).probe(LIMIT));
        assertFalse(probe.up());
        assertEquals("TIMEOUT", probe.reason());
        assertHeardNothing();
    }

    private Source source(FakeConnector connector, Duration timeout) {
        return EngineFixtures.source("probed", connector, timeout, breaker, clock);
    }

    private void assertHeardNothing() {
        assertEquals(0, breaker.successes.get() + breaker.failures.get() + breaker.refused.get(),
                "the breaker heard of a probe");
    }

    private static Source.Probe await(Uni<Source.Probe> probe) {
        return probe.await().atMost(Duration.ofSeconds(5));
    }
}
