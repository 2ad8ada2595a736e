package org.frontline.sourcedata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A JDBC connection to a MariaDB server, made by the MariaDB driver itself rather than looked up in
 * {@link java.sql.DriverManager}. The manager finds its drivers once, through the class loader current
 * at that moment: in a test suite where Quarkus applications came first, that loader did not see the
 * MariaDB driver and every later look-up failed with "No suitable driver" although the driver was on
 * the class path. Naming the driver does not depend on who asked first.
 */
public final class MariaDbConnections {

    private MariaDbConnections() {
    }

    /** A connection to {@code jdbcUrl} (jdbc:mariadb://host:port/database?options) as {@code user}. */
    public static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password == null ? "" : password);
        Connection connection = new org.mariadb.jdbc.Driver().connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("not a MariaDB JDBC URL (jdbc:mariadb://host:port/database expected)");
        }
        return connection;
    }
}
