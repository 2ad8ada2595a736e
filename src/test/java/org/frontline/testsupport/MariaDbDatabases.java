package org.frontline.testsupport;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MariaDB the tests reach (127.0.0.1:3306, root, no password, unless {@code FQ_TEST_MARIADB_HOST},
 * {@code _PORT}, {@code _USER}, {@code _PASSWORD} say otherwise): the AIMC source's engine. Databases are
 * named {@code fq_test_aimc_<checkout>_<name>}, so that test runs from several work trees do not drop
 * each other's.
 */
public final class MariaDbDatabases {

    public static final String HOST = env("FQ_TEST_MARIADB_HOST", "127.0.0.1");
    public static final int PORT = Integer.parseInt(env("FQ_TEST_MARIADB_PORT", "3306"));
    public static final String USER = env("FQ_TEST_MARIADB_USER", "root");
    public static final String PASSWORD = env("FQ_TEST_MARIADB_PASSWORD", "");

    private static final String CHECKOUT = Integer.toHexString(
            java.nio.file.Paths.get("").toAbsolutePath().toString().hashCode() & 0xfffff);

    private MariaDbDatabases() {
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static String database(String name) {
        return "fq_test_aimc_" + CHECKOUT + "_" + name;
    }

    public static String jdbcUrl(String database) {
        return jdbcUrl(HOST, PORT, database);
    }

    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    /** The service's reactive URL of a database, directly or through a port of one's own (a proxy). */
    public static String reactiveUrl(int port, String database) {
        return "mariadb://" + HOST + ":" + port + "/" + database;
    }

    public static String reactiveUrl(String database) {
        return reactiveUrl(PORT, database);
    }

    /** Drops and creates a database. */
    public static void recreate(String database) {
        execute(null, "DROP DATABASE IF EXISTS " + database,
                "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    /** Runs statements as a clerk of the source would, in autocommit. */
    public static void execute(String database, String... sql) {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static Connection connect(String database) throws SQLException {
        return org.frontline.sourcedata.MariaDbConnections.connect(jdbcUrl(database == null ? "" : database), USER, PASSWORD);
    }

    /** A reactive MySQL-client pool on a database, as the service builds one. */
    public static Pool pool(Vertx vertx, String database) {
        return pool(vertx, PORT, database);
    }

    /** The same through a port of one's own (a proxy on 127.0.0.1). */
    public static Pool pool(Vertx vertx, int port, String database) {
        MySQLConnectOptions options = MySQLConnectOptions.fromUri(reactiveUrl(port, database)).setUser(USER)
                .setConnectTimeout(1000).setReconnectAttempts(0)
                .setCharset("utf8mb4").setCollation("utf8mb4_unicode_ci");
        if (!PASSWORD.isEmpty()) {
            options.setPassword(PASSWORD);
        }
        return Pool.newInstance(MySQLBuilder.pool().connectingTo(options).using(vertx.getDelegate()).build());
    }
}
