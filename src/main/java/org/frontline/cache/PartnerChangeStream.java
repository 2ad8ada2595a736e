package org.frontline.cache;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The change feed of a source behind a partner's HTTP API (ECO): the partner's Server-Sent Events stream
 * {@code GET /api/v1/changes}, read on a connection of its own with a bearer token of its own (client
 * credentials, as the connector's).
 *
 * <h2>When it is trusted</h2>
 * The partner sends {@code event: ready} once its database's notifications reach it (and again after it
 * lost and regained them), {@code event: change} with {@code {"entity": SUBJECT | DOCUMENT | VEHICLE | ALL}}
 * for each change, and a comment line every heartbeat. The feed is listening from {@code ready} on; any
 * line proves the stream alive, and none for {@code listen-probe-timeout} (a partner that hangs, a
 * black-holed network), the end of the stream (the partner ends every stream when it loses its own
 * notifications) or an error is a loss: the source bypasses the cache, and the stream is opened again
 * after {@code listen-reconnect}. As for the other feeds, every kind of the source moves on when it is
 * trusted again ({@code listening}), so nothing cached before a gap is served.
 *
 * <h2>Freshness bound</h2>
 * A change is pushed: it reaches the cache one partner hop after the partner's database commits it. A
 * stream that silently stops delivering is noticed within {@code listen-probe-timeout}, after which
 * nothing of the source is served from cache; so a cached answer is served at most about
 * {@code listen-probe-timeout} (0.5 s by default) after a change the stream failed to deliver.
 */
final class PartnerChangeStream implements ChangeFeed {

    private static final Logger LOG = Logger.getLogger(PartnerChangeStream.class);
    static final String PATH = "/api/v1/changes";

    private final Vertx vertx;
    private final String source;
    private final URI base;
    private final String basic;
    private final Duration probe;
    private final Duration silence;
    private final Duration reconnect;
    private final ChangeListener.Events events;
    private final HttpClient client;

    private volatile boolean listening;
    private volatile boolean closed;
    private volatile long lastLineMs;
    private volatile HttpClientResponse current;
    /** True from a loss until the next attempt starts (the reconnect delay): the probe leaves it alone. */
    private volatile boolean waiting;
    private long timer = -1;
    /** Moves on with every attempt: a late callback of an older one does nothing. */
    private volatile int attempt;
    private final StringBuilder pending = new StringBuilder();
    private String event;

    PartnerChangeStream(Vertx vertx, String source, URI base, String clientId, String clientSecret, Duration probe,
                        Duration silence, Duration reconnect, Duration connectTimeout, ChangeListener.Events events) {
        this.vertx = vertx;
        this.source = source;
        this.base = base;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.probe = probe;
        this.silence = silence;
        this.reconnect = reconnect;
        this.events = events;
        this.client = vertx.getDelegate().createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort() < 0 ? 80 : base.getPort())
                .setMaxPoolSize(2));
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
        if (closed) {
            return;
        }
        int mine = ++attempt;
        lastLineMs = System.currentTimeMillis();
        waiting = false;
        RequestOptions token = new RequestOptions().setMethod(HttpMethod.POST).setURI(path("/oauth2/token"))
                .putHeader("Authorization", basic).putHeader("Content-Type", "application/x-www-form-urlencoded")
                .setTimeout(silence.multipliedBy(4).toMillis());
        client.request(token)
                .compose(request -> request.send(Buffer.buffer("grant_type=client_credentials")))
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : io.vertx.core.Future.failedFuture("token refused: " + response.statusCode()))
                .map(body -> new JsonObject(body).getString("access_token"))
                .compose(bearer -> client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path(PATH))
                        .putHeader("Authorization", "Bearer " + bearer).putHeader("Accept", "text/event-stream")
                        .setConnectTimeout(silence.multipliedBy(4).toMillis())))
                .compose(request -> request.send())
                .onSuccess(response -> {
                    if (mine != attempt || closed) {
                        response.request().reset();
                        return;
                    }
                    if (response.statusCode() != 200) {
                        failed(mine, "the change feed answered " + response.statusCode());
                        return;
                    }
                    current = response;
                    response.handler(chunk -> read(mine, chunk));
                    response.endHandler(v -> failed(mine, "the partner ended the stream"));
                    response.exceptionHandler(e -> failed(mine, e.getClass().getSimpleName()));
                })
                .onFailure(e -> failed(mine, "could not open the stream (" + e.getClass().getSimpleName() + ")"));
    }

    private String path(String p) {
        String prefix = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return prefix + p;
    }

    /** Lines of the event stream: {@code event:}, {@code data:}, comments, blank line ends an event. */
    private synchronized void read(int mine, Buffer chunk) {
        if (mine != attempt) {
            return;
        }
        lastLineMs = System.currentTimeMillis();
        pending.append(chunk.toString(StandardCharsets.UTF_8));
        int nl;
        while ((nl = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, nl).replace("\r", "");
            pending.delete(0, nl + 1);
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                String data = line.substring(5).trim();
                if ("ready".equals(event)) {
                    if (!listening) {
                        events.listening(source);   // bumps every kind of the source before the feed is trusted
                        listening = true;
                        LOG.infof("cache: following the change feed of source %s", source);
                    }
                } else if ("change".equals(event) && listening) {
                    events.changed(source, "{\"kind\":\"" + kind(data) + "\"}");
                }
            } else if (line.isEmpty()) {
                event = null;
            }
        }
    }

    /** The partner's entity as the cache's kind; anything else: everything of the source. */
    static String kind(String data) {
        try {
            return switch (String.valueOf(new JsonObject(data).getValue("entity"))) {
                case "SUBJECT" -> "PERSON";
                case "DOCUMENT" -> "DOCUMENT";
                case "VEHICLE" -> "VEHICLE";
                default -> "*";
            };
        } catch (RuntimeException e) {
            return "*";
        }
    }

    /**
     * A stream that is trusted must not be silent for longer than {@code listen-probe-timeout}; one that is not
     * yet (its token, its connection, the partner's {@code ready}) gets four times that, then is opened anew: a
     * black-holed attempt never waits for ever.
     */
    private void probe() {
        if (waiting || closed) {
            return;
        }
        long allowed = listening ? silence.toMillis() : silence.multipliedBy(4).toMillis();
        if (System.currentTimeMillis() - lastLineMs > allowed) {
            failed(attempt, "no heartbeat within " + allowed + " ms");
        }
    }

    private void failed(int which, String why) {
        synchronized (this) {
            if (which != attempt) {
                return;
            }
            attempt++;   // whatever the stream still delivers is ignored
            pending.setLength(0);
            event = null;
            waiting = true;
        }
        HttpClientResponse response = current;
        current = null;
        if (response != null) {
            response.request().reset();
        }
        if (listening) {
            listening = false;
            events.lost(source);
            LOG.warnf("cache: change feed of source %s lost (%s): the source is not served from cache until it is back", source, why);
        }
        if (!closed) {
            vertx.setTimer(reconnect.toMillis(), id -> connect());
        }
    }

    @Override
    public void close() {
        closed = true;
        listening = false;
        attempt++;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        HttpClientResponse response = current;
        if (response != null) {
            response.request().reset();
        }
        client.close();
    }
}
