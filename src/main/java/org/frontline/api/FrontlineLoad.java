package org.frontline.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many single searches (an officer's question, a terminal's scanned zone, answered whole or as a
 * stream) this instance is answering now, so that manifests can yield to them ({@link Screening}: the
 * manifests' lane narrows while any is in flight, and widens again the moment none is).
 *
 * <p>A search counts from the subscription to its work until that work ends in any way: an answer, a
 * failure, or the officer gone (cancellation). Mutiny calls the termination hook once, so a search is
 * never counted out twice, and a refusal before the work starts (403, 429, 503) never counts in.
 */
@ApplicationScoped
public class FrontlineLoad {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Runnable> quiet = new CopyOnWriteArrayList<>();

    FrontlineLoad(MeterRegistry meters) {
        Gauge.builder("frontline.searches.in.flight", inFlight, AtomicInteger::get)
                .description("Single searches (not manifests' travellers) being answered now; manifests yield while any is")
                .register(meters);
    }

    /** Whether any single search is being answered now. */
    public boolean busy() {
        return inFlight.get() > 0;
    }

    /** Single searches being answered now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Called each time the last single search in flight ends. */
    void whenQuiet(Runnable listener) {
        quiet.add(listener);
    }

    /** The work, counted while it runs. */
    <T> Uni<T> counted(Uni<T> work) {
        return Uni.createFrom().deferred(() -> {
            enter();
            return work.onTermination().invoke(this::leave);
        });
    }

    /** The stream, counted from its subscription to its end (completion, failure or cancellation). */
    <T> Multi<T> counted(Multi<T> events) {
        return Multi.createFrom().deferred(() -> {
            enter();
            return events.onTermination().invoke(this::leave);
        });
    }

    private void enter() {
        inFlight.incrementAndGet();
    }

    private void leave() {
        if (inFlight.decrementAndGet() == 0) {
            for (Runnable listener : quiet) {
                listener.run();
            }
        }
    }
}
