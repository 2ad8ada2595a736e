package org.frontline.peers;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The service over HTTP with the non-blocking Vert.x client: POST the document search (the body of
 * org.frontline.api.SearchRequests.Document) or GET a trivial endpoint. Keep-alive connections, a pool
 * as large as the concurrency; only 200 counts as answered.
 */
final class HttpTarget implements Target {

    private static final String PURPOSE = "border control, entry";

    private final Vertx vertx;
    private final HttpClient client;
    private final HttpMethod method;
    private final String host;
    private final int port;
    private final String path;
    private final String authorization;
    private final int timeoutMs;

    HttpTarget(String url, String method, String token, int connections, int timeoutMs) {
        URI u = Loopback.uri(url, "--url");
        this.host = u.getHost();
        this.port = u.getPort() > 0 ? u.getPort() : 80;
        this.path = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        this.method = HttpMethod.valueOf(method.toUpperCase(java.util.Locale.ROOT));
        this.authorization = token == null || token.isBlank() ? null : "Bearer " + token;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setPreferNativeTransport(false));
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setPipelining(false).setConnectTimeout(5_000)
                        .setIdleTimeout(timeoutMs).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                        .setDefaultHost(host).setDefaultPort(port),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.timeoutMs = timeoutMs;
    }

    @Override
    public CompletableFuture<String> call(Query q) {
        CompletableFuture<String> out = new CompletableFuture<>();
        RequestOptions options = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path)
                .setTimeout(timeoutMs);
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        Buffer body = null;
        if (method == HttpMethod.POST) {
            options.putHeader("Content-Type", "application/json");
            body = Buffer.buffer("{\"number\":\"" + Json.escape(q.number()) + "\",\"issuingCountry\":\""
                    + Json.escape(q.iso3()) + "\",\"purpose\":\"" + PURPOSE + "\"}");
        }
        Buffer payload = body;
        client.request(options)
                .compose(req -> payload == null ? req.send() : req.send(payload))
                .compose(resp -> resp.body().map(b -> String.valueOf(resp.statusCode())))
                .onComplete(ar -> out.complete(ar.succeeded() ? ar.result() : Target.error(ar.cause())));
        return out;
    }

    @Override
    public boolean isOk(String status) {
        return "200".equals(status);
    }

    @Override
    public String statusKey(String status) {
        return status;
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
