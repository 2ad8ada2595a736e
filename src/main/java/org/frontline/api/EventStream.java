package org.frontline.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.frontline.audit.AuditUnavailableException;
import org.frontline.search.SearchEvent;
import org.jboss.logging.Logger;

import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * Writes an admitted consultation's events to its server-sent event stream, one at a time: the next
 * event is asked for only once the previous one is written, and none is asked for once the client
 * has gone (the consultation is then cancelled, which records it as {@code CLIENT_GONE}). Written
 * events: {@code source} (a source's status, latency and the number of its records the officer may
 * see), {@code answer} (the consolidated answer), or, if the answer's audit record cannot be made
 * durable, one {@code error} event carrying the 503 problem instead of the answer.
 */
final class EventStream<E> implements MultiSubscriber<E> {

    private static final Logger LOG = Logger.getLogger(EventStream.class);

    /** An event as written: its name and its JSON data. */
    record Named(String name, Object data) {
    }

    private final SseEventSink sink;
    private final Sse sse;
    private final String path;
    private final Function<E, Named> naming;
    private volatile Flow.Subscription subscription;

    private EventStream(SseEventSink sink, Sse sse, String path, Function<E, Named> naming) {
        this.sink = sink;
        this.sse = sse;
        this.path = path;
        this.naming = naming;
    }

    /** Starts writing; returns at once. */
    static void pump(Multi<SearchEvent> events, SseEventSink sink, Sse sse, String path) {
        pump(events, sink, sse, path, event -> event instanceof SearchEvent.SourceAnswered s
                ? new Named("source", s.source())
                : new Named("answer", ((SearchEvent.Consolidated) event).answer()));
    }

    /** Starts writing events named by {@code naming} (a stream's progress "source", its end "answer"); returns at once. */
    static <E> void pump(Multi<E> events, SseEventSink sink, Sse sse, String path, Function<E, Named> naming) {
        events.subscribe().withSubscriber(new EventStream<>(sink, sse, path, naming));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onItem(E event) {
        if (sink.isClosed()) {
            subscription.cancel();
            return;
        }
        Named named = naming.apply(event);
        OutboundSseEvent out = json(named.name(), named.data());
        sink.send(out).whenComplete((ok, failure) -> {
            if (failure != null || sink.isClosed()) {
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        });
    }

    @Override
    public void onFailure(Throwable failure) {
        if (sink.isClosed()) {
            return;
        }
        Problem problem = failure instanceof AuditUnavailableException
                ? Problem.of(503, "audit-unavailable", "Audit log unavailable", "The answer's audit record could not"
                        + " be written, so the answer is not released. Try again shortly.", path)
                : Problem.of(500, "internal", "Internal error", "The service failed to answer; try again.", path);
        if (!(failure instanceof AuditUnavailableException)) {
            LOG.errorf("stream failed (%s)", failure.getClass().getName());
        }
        sink.send(sse.newEventBuilder().name("error").mediaType(MediaType.valueOf(Problem.MEDIA_TYPE)).data(problem).build())
                .whenComplete((ok, ignored) -> sink.close());
    }

    @Override
    public void onCompletion() {
        sink.close();
    }

    private OutboundSseEvent json(String name, Object data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build();
    }
}
