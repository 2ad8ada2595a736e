package org.frontline.source;

import org.frontline.testsupport.MovableClock;

import io.opentelemetry.api.trace.TracerProvider;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.SourceDescriptor;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sources for tests of the federation engine without databases or Quarkus: fake connectors, a
 * breaker that records what it is told, and a clock that tests move by hand. The engine and the
 * {@link Source} class under test are the production ones.
 */
public final class EngineFixtures {

    private EngineFixtures() {
    }

    /** A source of the production class around a fake connector and a recording breaker. */
    public static Source source(String id, SourceConnector connector, Duration timeout, Guard guard, Clock clock) {
        SourceDescriptor descriptor = new SourceDescriptor(id, id.toUpperCase(), "test", EnumSet.allOf(QueryKind.class),
                "contact " + id);
        return new Source(descriptor, connector, timeout, guard, clock, TracerProvider.noop().get("test"));
    }

    /** A registry of ready-made sources (no pools, no gauges). */
    public static SourceRegistry registry(List<Source> sources) {
        return new SourceRegistry(sources, null);
    }

    /**
     * A circuit breaker that records every outcome it is told of (an item is a success, a failure a
     * failure; a call cancelled before either is neither) and opens after a number of failures.
     */
    public static final class RecordingBreaker implements Guard {
        private final int failuresToOpen;
        public final AtomicInteger successes = new AtomicInteger();
        public final AtomicInteger failures = new AtomicInteger();
        public final AtomicInteger refused = new AtomicInteger();

        public RecordingBreaker(int failuresToOpen) {
            this.failuresToOpen = failuresToOpen;
        }

        public boolean open() {
            return failures.get() >= failuresToOpen;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get(Supplier<T> action, TypeLiteral<T> type) {
            if (open()) {
                refused.incrementAndGet();
                return (T) Uni.createFrom().failure(new CircuitBreakerOpenException("open"));
            }
            Uni<?> call = (Uni<?>) action.get();
            return (T) call
                    .onItem().invoke(item -> successes.incrementAndGet())
                    .onFailure().invoke(failure -> failures.incrementAndGet());
        }

        @Override
        public <T> T get(Supplier<T> action, Class<T> type) {
            throw new UnsupportedOperationException("sources guard Unis");
        }

        @Override
        public <T> T call(Callable<T> action, Class<T> type) {
            throw new UnsupportedOperationException("sources guard Unis");
        }

        @Override
        public <T> T call(Callable<T> action, TypeLiteral<T> type) {
            throw new UnsupportedOperationException("sources guard Unis");
        }
    }

    /** A connector whose document look-up (and ping) does what the test says; it holds no data. */
    public static final class FakeConnector implements SourceConnector {
        private final Function<DocumentQuery, Uni<List<DocumentRecord>>> documents;
        private final Supplier<Uni<Void>> ping;
        public final AtomicInteger calls = new AtomicInteger();
        public final AtomicInteger pings = new AtomicInteger();

        public FakeConnector(Function<DocumentQuery, Uni<List<DocumentRecord>>> documents) {
            this(documents, () -> Uni.createFrom().voidItem());
        }

        private FakeConnector(Function<DocumentQuery, Uni<List<DocumentRecord>>> documents, Supplier<Uni<Void>> ping) {
            this.documents = documents;
            this.ping = ping;
        }

        /** Holds nothing, and answers each ping as {@code ping} says. */
        public static FakeConnector pinging(Supplier<Uni<Void>> ping) {
            return new FakeConnector(q -> Uni.createFrom().item(List.<DocumentRecord>of()), ping);
        }

        /** Answers "nothing held" after a real delay. */
        public static FakeConnector answeringAfter(Duration delay) {
            return new FakeConnector(q -> Uni.createFrom().item(List.<DocumentRecord>of()).onItem().delayIt().by(delay));
        }

        /** Never answers. */
        public static FakeConnector silent() {
            return new FakeConnector(q -> Uni.createFrom().nothing());
        }

        /** Fails at once, as a source that refuses the query. */
        public static FakeConnector failing() {
            return new FakeConnector(q -> Uni.createFrom().failure(new IllegalStateException("source error")));
        }

        /** Answers at once, after moving the clock as if it had taken that long. */
        public static FakeConnector taking(Duration took, MovableClock clock) {
            return new FakeConnector(q -> Uni.createFrom().item(() -> {
                clock.advance(took);
                return List.<DocumentRecord>of();
            }));
        }

        @Override
        public java.util.Set<QueryKind> kinds() {
            return EnumSet.allOf(QueryKind.class);
        }

        @Override
        public Uni<List<PersonRecord>> findPersonCandidates(String searchName, Integer birthYear, int limit) {
            return Uni.createFrom().item(List.of());
        }

        @Override
        public Uni<List<DocumentRecord>> findDocuments(DocumentQuery query) {
            calls.incrementAndGet();
            return documents.apply(query);
        }

        @Override
        public Uni<List<VehicleRecord>> findVehicles(VehicleQuery query) {
            return Uni.createFrom().item(List.of());
        }

        @Override
        public Uni<Void> ping() {
            pings.incrementAndGet();
            return ping.get();
        }
    }
}
