package org.frontline.cache;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.pgclient.pubsub.PgChannel;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * One source's change feed: a dedicated connection that LISTENs to {@code frontline_changes}. The
 * cache may serve a source only while this feed is known to be alive, so:
 * <ul>
 * <li>the connection is probed with a round trip every {@code listen-probe}; PostgreSQL delivers
 * pending notifications before it answers, so a probe that comes back also proves that nothing
 * announced before it was missed, and one that does not come back in time (a connection silently
 * cut, a black-holed network) counts as a loss;</li>
 * <li>reconnection is ours, not the subscriber's: each attempt is a fresh {@link PgSubscriber} with a
 * bounded connect (a server that accepts and never answers cannot stall the feed forever), retried
 * every {@code listen-reconnect}.</li>
 * </ul>
 * {@code listening} runs each time LISTEN is established, before the feed is trusted (the cache moves
 * the source's generations on there); {@code lost} at most once per loss.
 */
final class ChangeListener implements ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    static final String CHANNEL = "frontline_changes";

    interface Events {
        void changed(String source, String payload);

        void listening(String source);

        void lost(String source);
    }

    private final Vertx vertx;
    private final String source;
    private final PgConnectOptions options;
    private final Duration probe;
    private final Duration probeTimeout;
    private final Duration connectTimeout;
    private final Duration reconnect;
    private final Events events;

    private PgSubscriber current;
    private long timer = -1;
    private volatile boolean listening;
    private volatile boolean probing;
    private volatile boolean closed;

    ChangeListener(Vertx vertx, String source, PgConnectOptions options, Duration probe, Duration probeTimeout,
                   Duration reconnect, Events events) {
        this.vertx = vertx;
        this.source = source;
        this.options = new PgConnectOptions(options).setReconnectAttempts(0);
        this.probe = probe;
        this.probeTimeout = probeTimeout;
        this.connectTimeout = probeTimeout.multipliedBy(4);
        this.reconnect = reconnect;
        this.events = events;
    }

    @Override
    public void start() {
        timer = vertx.setPeriodic(probe.toMillis(), id -> probe());
        connect();
    }

    @Override
    public boolean listening() {
        return listening;
    }

    private void connect() {
        PgSubscriber subscriber;
        synchronized (this) {
            if (closed) {
                return;
            }
            subscriber = PgSubscriber.subscriber(vertx, options);
            current = subscriber;
        }
        subscriber.reconnectPolicy(attempt -> -1L);   // a loss ends this subscriber; the next one is ours
        subscriber.closeHandler(() -> replace(subscriber, "connection ended"));
        PgChannel channel = subscriber.channel(CHANNEL);
        channel.subscribeHandler(() -> {
            if (isCurrent(subscriber)) {
                events.listening(source);
                listening = true;
                LOG.infof("cache: listening to changes of source %s", source);
            }
        });
        // an announcement is a change whichever connection brings it
        channel.handler(payload -> events.changed(source, payload));
        subscriber.connect()
                .ifNoItem().after(connectTimeout).fail()
                .subscribe().with(ok -> { }, failure -> replace(subscriber, "could not connect"));
    }

    private synchronized boolean isCurrent(PgSubscriber subscriber) {
        return current == subscriber && !closed;
    }

    /** Gives up on a subscriber (once) and starts the next one after the reconnect delay. */
    private void replace(PgSubscriber subscriber, String why) {
        synchronized (this) {
            if (current != subscriber) {
                return;
            }
            current = null;
        }
        lost(why);
        subscriber.close().subscribe().with(x -> { }, x -> { });
        if (!closed) {
            vertx.setTimer(reconnect.toMillis(), id -> connect());
        }
    }

    private void probe() {
        PgSubscriber subscriber;
        synchronized (this) {
            subscriber = current;
        }
        if (!listening || probing || closed || subscriber == null) {
            return;
        }
        PgConnection conn = subscriber.actualConnection();
        if (conn == null) {
            replace(subscriber, "no connection");
            return;
        }
        probing = true;
        conn.query("SELECT 1").execute()
                .ifNoItem().after(probeTimeout).fail()
                .subscribe().with(ok -> probing = false, failure -> {
                    probing = false;
                    replace(subscriber, "probe unanswered within " + probeTimeout.toMillis() + " ms");
                });
    }

    private void lost(String why) {
        if (listening) {
            listening = false;
            events.lost(source);
            LOG.warnf("cache: change feed of source %s lost (%s): the source is not served from cache until it is back", source, why);
        }
    }

    @Override
    public void close() {
        PgSubscriber subscriber;
        synchronized (this) {
            closed = true;
            listening = false;
            subscriber = current;
            current = null;
        }
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (subscriber != null) {
            subscriber.close().subscribe().with(x -> { }, x -> { });
        }
    }
}
