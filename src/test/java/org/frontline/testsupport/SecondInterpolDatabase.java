package org.frontline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.frontline.sourcedata.PostgresServer;
import org.frontline.sourcedata.SyntheticSeeder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A sixth source added by configuration only: a second INTERPOL-schema database, its own
 * real PostgreSQL database ({@code fqt_<checkout>_interpol2}), migrated and seeded by the tooling with the
 * INTERPOL schema as the five demo sources are, the INTERPOL fixtures on top. The service reaches it
 * through a {@link FaultProxy} of its own (named {@link #ID}), so that a test can cut it alone. What it
 * returns is only the connection keys of {@code frontline.sources.interpol2}; the rest (type, schema,
 * organisation...) is the test profile's configuration, as an operator would write it.
 */
public class SecondInterpolDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String ID = "interpol2";

    private static FaultProxy proxy;

    @Override
    public Map<String, String> start() {
        PostgresServer pg = SourceDatabases.server();
        String db = SourceDatabases.database(ID);
        Map<String, String> config = new HashMap<>();
        try {
            pg.dropDatabaseIfExists(db);
            pg.createDatabaseIfMissing(db);
            SyntheticSeeder.seed(pg.jdbcUrl(db), pg.user(), pg.password(), "interpol", SourceDatabases.SEED,
                    SourceDatabases.PERSONS);
            try (Connection c = pg.connect(db); Statement st = c.createStatement();
                 InputStream in = SecondInterpolDatabase.class.getResourceAsStream("/fixtures/interpol.sql")) {
                st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            synchronized (SecondInterpolDatabase.class) {
                if (proxy == null) {
                    proxy = new FaultProxy(ID, pg.host(), pg.port());
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not prepare the second INTERPOL database", e);
        }
        String prefix = "frontline.sources." + ID + ".";
        config.put(prefix + "url", "postgresql://127.0.0.1:" + proxy.port() + "/" + db);
        config.put(prefix + "username", pg.user());
        if (!pg.password().isEmpty()) {
            config.put(prefix + "password", pg.password());
        }
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
        return config;
    }

    @Override
    public void stop() {
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
    }
}
