package org.frontline.peers;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A database answered with the service's own reactive client (vertx-pg-client, prepared statements
 * cached, a pool as large as the concurrency): either ONE source with its connector's document SQL
 * (target "source", the database floor) or the postgres_fdw view with one statement over a plain
 * connection (target "fdw").
 */
final class PgTarget implements Target {

    private final Vertx vertx;
    private final PgPool pool;
    private final String sql;
    private final Function<Query, Tuple> params;
    private final int connections;

    private PgTarget(String pgUrl, int connections, String sql, Function<Query, Tuple> params) {
        URI u = Loopback.uri(pgUrl, "--pg-url");
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(u.getHost())
                .setPort(u.getPort() > 0 ? u.getPort() : 5432)
                .setDatabase(u.getPath().replaceFirst("^/", ""))
                .setUser(u.getUserInfo() != null ? u.getUserInfo().split(":")[0] : "postgres")
                .setCachePreparedStatements(true)
                .setPipeliningLimit(1);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setPreferNativeTransport(false));
        this.pool = PgPool.pool(vertx, connect, new PoolOptions().setMaxSize(connections).setMaxWaitQueueSize(-1));
        this.sql = sql;
        this.params = params;
        this.connections = connections;
    }

    /**
     * Opens the whole pool before the warm-up: takes every connection at once (so they are distinct)
     * and runs the statement once on each with a number that exists nowhere; through postgres_fdw that
     * also opens each session's five server connections.
     */
    @Override
    public void prepare() throws Exception {
        Query probe = new Query("Q0PREPARE", "DEU", "DE", "D");
        List<Future<SqlConnection>> taken = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            taken.add(pool.getConnection());
        }
        Future.all(taken)
                .compose(all -> Future.all(taken.stream()
                        .map(c -> c.result().preparedQuery(sql).execute(params.apply(probe)))
                        .toList()))
                .eventually(() -> Future.all(taken.stream()
                        .filter(Future::succeeded)
                        .map(c -> c.result().close())
                        .toList()))
                .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    /** One source queried directly: the connector's SQL with ($1 country in its form, $2 number). */
    static PgTarget source(String pgUrl, String schema, int connections) {
        Sources.Source s = Sources.bySchema(schema);
        return new PgTarget(pgUrl, connections, s.documentSql(), q -> Tuple.of(s.country(q), q.number()));
    }

    /** The five sources through postgres_fdw: one statement on the view documents_all. */
    static PgTarget fdw(String pgUrl, int connections) {
        return new PgTarget(pgUrl, connections, Sources.FDW_SQL,
                q -> Tuple.of(q.number(), q.iso3(), q.iso2(), q.icao()));
    }

    @Override
    public CompletableFuture<String> call(Query q) {
        CompletableFuture<String> out = new CompletableFuture<>();
        pool.preparedQuery(sql).execute(params.apply(q)).onComplete(ar -> out.complete(
                ar.succeeded() ? (ar.result().size() > 0 ? OK_HIT : "ok") : Target.error(ar.cause())));
        return out;
    }

    @Override
    public void close() throws Exception {
        pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
