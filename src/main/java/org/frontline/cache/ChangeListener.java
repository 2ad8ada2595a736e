package org.frontline.cache;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.pgclient.pubsub.PgChannel;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * One source's change feed: a dedicated connection that LISTENs to {@code frontline_changes}, with
 * reconnect. The cache may serve a source only while this feed is known to be alive, so the
 * connection is probed with a round trip every {@code listen-probe}: PostgreSQL delivers pending
 * notifications before it answers, so a probe that comes back also proves nothing announced before
 * it was missed; one that does not come back in time (a connection silently cut, a black-holed
 * network) counts as lost, and the connection is closed to make the subscriber reconnect.
 *
 * <p>{@code onListening} runs each time LISTEN is (re-)established, before the feed is trusted, and
 * {@code onLost} at most once per loss.
 */
final class ChangeListener {

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
    private final Duration reconnect;
    private final Events events;

    private PgSubscriber subscriber;
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
        this.reconnect = reconnect;
        this.events = events;
    }

    void start() {
        subscriber = PgSubscriber.subscriber(vertx, options);
        // called with 0 when an established connection ends, then with 1, 2... while reconnecting fails
        subscriber.reconnectPolicy(attempt -> {
            lost("connection ended");
            return reconnect.toMillis();
        });
        PgChannel channel = subscriber.channel(CHANNEL);
        channel.subscribeHandler(() -> {
            events.listening(source);
            listening = true;
            LOG.infof("cache: listening to changes of source %s", source);
        });
        channel.handler(payload -> events.changed(source, payload));
        connect();
        timer = vertx.setPeriodic(probe.toMillis(), id -> probe());
    }

    boolean listening() {
        return listening;
    }

    private void connect() {
        if (closed) {
            return;
        }
        subscriber.connect().subscribe().with(ok -> { }, failure -> {
            lost("could not connect");
            vertx.setTimer(reconnect.toMillis(), id -> connect());
        });
    }

    private void probe() {
        if (!listening || probing || closed) {
            return;
        }
        PgConnection conn = subscriber.actualConnection();
        if (conn == null) {
            lost("no connection");
            return;
        }
        probing = true;
        conn.query("SELECT 1").execute()
                .ifNoItem().after(probeTimeout).fail()
                .subscribe().with(ok -> probing = false, failure -> {
                    probing = false;
                    if (subscriber.actualConnection() == conn) {
                        lost("probe unanswered within " + probeTimeout.toMillis() + " ms");
                        conn.close().subscribe().with(x -> { }, x -> { });   // the subscriber reconnects
                    }
                });
    }

    private void lost(String why) {
        if (listening) {
            listening = false;
            events.lost(source);
            LOG.warnf("cache: change feed of source %s lost (%s): the source is not served from cache until it is back", source, why);
        }
    }

    void close() {
        closed = true;
        listening = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (subscriber != null) {
            subscriber.close().subscribe().with(x -> { }, x -> { });
        }
    }
}
