package org.frontline.source;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.frontline.match.PersonNameMatcher;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of one source's person statement, exactly as its connector sends it, for
 * one question: where the candidate statement's time goes (issue #18). Runs it {@code repeat} times
 * first, so that the plan shown is a warm one.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/answer-quality.cp) org.frontline.source.PersonStatementExplain \
 *     fq_bench_interpol interpol "Maria Garcia" 1980 [repeat]
 * </pre>
 */
public final class PersonStatementExplain {

    public static void main(String[] args) throws java.io.IOException {
        String db = args[0];
        String schema = args[1];
        String name = args[2];
        Integer year = args.length > 3 && !args[3].equals("-") ? Integer.valueOf(args[3]) : null;
        int repeat = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).using(vertx)
                    .connectingTo(new PgConnectOptions().setHost(System.getProperty("bench.host", "127.0.0.1"))
                            .setPort(Integer.getInteger("bench.port", 5432)).setDatabase(db)
                            .setUser(System.getProperty("bench.user", "postgres"))
                            .setPassword(System.getProperty("bench.password", "")).setCachePreparedStatements(true)
                            .setProperties(System.getProperty("bench.plan-cache-mode") == null ? java.util.Map.of()
                                    : java.util.Map.of("plan_cache_mode", System.getProperty("bench.plan-cache-mode")))).build();
            String key = PersonNameMatcher.create().searchKey(name);
            String sql = PersonSearchBenchmark.SCHEMAS.stream().filter(s -> s.name().equals(schema)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown schema " + schema)).newSql();
            if (System.getProperty("bench.sql-out") != null) {
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("bench.sql-out")), sql);
            }
            if (System.getProperty("bench.sql-file") != null) {
                // a hand-edited variant of the statement, tried against the same parameters
                sql = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("bench.sql-file")));
            }
            var tuple = SqlSupport.personSearch(key, year, PersonSearchBenchmark.LIMIT);
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                pool.preparedQuery(sql).execute(tuple).await().indefinitely();
                System.out.printf("run %d: %.2f ms%n", i, (System.nanoTime() - t0) / 1e6);
            }
            for (Row r : pool.preparedQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql).execute(tuple).await().indefinitely()) {
                System.out.println(r.getString(0));
            }
            pool.closeAndAwait();
        } finally {
            vertx.closeAndAwait();
        }
    }
}
