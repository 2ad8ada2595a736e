package org.frontline.sourcedata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** One PostgreSQL server for this package's tests, and small query helpers. */
final class TestDatabases {

    private static PostgresServer server;

    private TestDatabases() {
    }

    static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.configuredOrEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** A fresh, empty database with this name. */
    static String fresh(String name) {
        server().dropDatabaseIfExists(name);
        server().createDatabaseIfMissing(name);
        return name;
    }

    static String url(String db) {
        return server().jdbcUrl(db);
    }

    static List<List<String>> query(String db, String sql) {
        try (Connection c = server().connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String db, String sql) {
        return Long.parseLong(query(db, sql).get(0).get(0));
    }
}
