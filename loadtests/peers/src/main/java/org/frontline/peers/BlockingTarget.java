package org.frontline.peers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A blocking JDBC target: a fixed pool of worker threads, each with its own connections and prepared
 * statements, opened on its first query and kept. The closed model runs as many threads as workers,
 * so each worker has its own connection(s); in the open model arrivals queue for the threads (their
 * wait counts in the latency, which runs from the intended send time).
 */
abstract class BlockingTarget implements Target {

    /** What one worker thread holds: its connections and statements. */
    interface Session extends AutoCloseable {
        /** Runs the look-up; true when at least one record was found. */
        boolean run(Query q) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    private final int threadCount;
    private final ExecutorService threads;
    private final ThreadLocal<Session> session = new ThreadLocal<>();
    private final Queue<Session> opened = new ConcurrentLinkedQueue<>();

    BlockingTarget(String name, int threadCount) {
        this.threadCount = threadCount;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    abstract Session open() throws SQLException;

    /**
     * Every worker thread opens its connections now, before the warm-up: one task per thread, each
     * held until all have started so that no thread takes two.
     */
    @Override
    public void prepare() throws Exception {
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(threadCount);
        List<java.util.concurrent.Future<?>> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < threadCount; i++) {
            tasks.add(threads.submit(() -> {
                all.countDown();
                all.await(60, TimeUnit.SECONDS);
                if (session.get() == null) {
                    Session s = open();
                    session.set(s);
                    opened.add(s);
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> t : tasks) {
            t.get(120, TimeUnit.SECONDS);
        }
    }

    @Override
    public CompletableFuture<String> call(Query q) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Session s = session.get();
                if (s == null) {
                    s = open();
                    session.set(s);
                    opened.add(s);
                }
                return s.run(q) ? OK_HIT : "ok";
            } catch (SQLException | RuntimeException e) {
                dropBroken();
                return Target.error(e);
            }
        }, threads);
    }

    /** After a failure the thread's connections may be unusable: open new ones on its next query. */
    private void dropBroken() {
        Session s = session.get();
        if (s != null) {
            session.remove();
            opened.remove(s);
            try {
                s.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    @Override
    public void close() throws Exception {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        for (Session s : opened) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    static boolean any(PreparedStatement st) throws SQLException {
        boolean found = false;
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                found = true;
            }
        }
        return found;
    }

    static void closeAll(List<? extends AutoCloseable> all) throws SQLException {
        SQLException first = null;
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof SQLException se ? se : new SQLException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Trino: the five catalogs in one UNION ALL statement, one connection per worker. */
    static BlockingTarget trino(String trinoUrl, int threadCount) {
        if (!trinoUrl.startsWith("jdbc:trino://")) {
            throw new IllegalArgumentException("--trino-url must look like jdbc:trino://127.0.0.1:PORT");
        }
        Loopback.uri(trinoUrl.substring("jdbc:".length()), "--trino-url");
        return new BlockingTarget("trino", threadCount) {
            @Override
            Session open() throws SQLException {
                java.util.Properties p = new java.util.Properties();
                p.setProperty("user", "peers");
                Connection c = java.sql.DriverManager.getConnection(trinoUrl, p);
                PreparedStatement st = c.prepareStatement(Sources.TRINO_SQL);
                return new Session() {
                    @Override
                    public boolean run(Query q) throws SQLException {
                        int i = 1;
                        for (Sources.Source s : Sources.ALL) {
                            st.setString(i++, s.country(q));
                            st.setString(i++, q.number());
                        }
                        return any(st);
                    }

                    @Override
                    public void close() throws SQLException {
                        closeAll(List.of(st, c));
                    }
                };
            }
        };
    }

    /**
     * What a quick build would do: plain blocking JDBC, the five sources one after another with the
     * connectors' SQL, one connection per source per worker.
     */
    static BlockingTarget naive(String host, int port, String dbPrefix, int threadCount) {
        Loopback.require(host, "--pg-host");
        return new BlockingTarget("jdbc-naive", threadCount) {
            @Override
            Session open() throws SQLException {
                List<Connection> connections = new java.util.ArrayList<>();
                List<PreparedStatement> statements = new java.util.ArrayList<>();
                try {
                    for (Sources.Source s : Sources.ALL) {
                        Connection c = java.sql.DriverManager.getConnection(
                                "jdbc:postgresql://" + host + ":" + port + "/" + dbPrefix + s.schema(), "postgres", "");
                        connections.add(c);
                        statements.add(c.prepareStatement(s.jdbcSql()));
                    }
                } catch (SQLException e) {
                    closeAll(statements);
                    closeAll(connections);
                    throw e;
                }
                return new Session() {
                    @Override
                    public boolean run(Query q) throws SQLException {
                        boolean found = false;
                        for (int i = 0; i < Sources.ALL.size(); i++) {
                            Sources.Source s = Sources.ALL.get(i);
                            PreparedStatement st = statements.get(i);
                            st.setString(1, s.country(q));
                            st.setString(2, q.number());
                            found |= any(st);
                        }
                        return found;
                    }

                    @Override
                    public void close() throws SQLException {
                        closeAll(statements);
                        closeAll(connections);
                    }
                };
            }
        };
    }
}
