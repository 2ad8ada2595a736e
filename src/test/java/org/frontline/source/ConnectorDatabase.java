package org.frontline.source;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import org.frontline.match.PersonNameMatcher;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.PersonRecord;
import org.frontline.model.SourceRecord;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;
import org.frontline.sourcedata.PostgresServer;
import org.frontline.sourcedata.SourceSchemas;
import org.frontline.testsupport.SourceDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One schema's empty source database for a connector test: migrated with the schema's own
 * migrations, written to with plain SQL (as the source's own clerk would, no tooling of ours), read
 * through the schema's connector on a real reactive pool, with a tally of the restriction codes the
 * connector could not read. Named per checkout, as {@link SourceDatabases} does.
 */
public final class ConnectorDatabase implements AutoCloseable {

    private static final PersonNameMatcher MATCHER = PersonNameMatcher.create();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final PostgresServer server = SourceDatabases.server();
    private final String database;
    private final Vertx vertx = Vertx.vertx();
    private final Pool pool;
    private final AtomicInteger unreadable = new AtomicInteger();
    private final SourceConnector connector;

    public ConnectorDatabase(String schema, BiFunction<Pool, UnreadableCodes, SourceConnector> connector) {
        this.database = SourceDatabases.database("conn_" + schema);
        server.dropDatabaseIfExists(database);
        server.createDatabaseIfMissing(database);
        SourceSchemas.migrate(server.jdbcUrl(database), server.user(), server.password(), schema);
        PgConnectOptions options = PgConnectOptions.fromUri(server.reactiveUrl(database)).setUser(server.user());
        if (!server.password().isEmpty()) {
            options.setPassword(server.password());
        }
        this.pool = PgBuilder.pool().connectingTo(options).using(vertx).build();
        this.connector = connector.apply(pool, new UnreadableCodes(unreadable::addAndGet));
    }

    /** Runs statements as the source's clerk would. */
    public void execute(String... sql) {
        try (Connection c = server.connect(database); Statement st = c.createStatement()) {
            for (String statement : sql) {
                st.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<PersonRecord> persons(String typedName) {
        return connector.findPersonCandidates(MATCHER.searchKey(typedName), 25).await().atMost(WAIT);
    }

    /** The one person found under this name. */
    public PersonRecord person(String typedName, String recordId) {
        return persons(typedName).stream().filter(p -> p.recordId().equals(recordId)).findFirst()
                .orElseThrow(() -> new AssertionError("person " + recordId + " not found"));
    }

    public List<DocumentRecord> documents(String number, String issuingCountry) {
        return connector.findDocuments(new DocumentQuery(number, issuingCountry, null)).await().atMost(WAIT);
    }

    public List<VehicleRecord> vehicles(String plate, String country) {
        return connector.findVehicles(new VehicleQuery(plate, country, null)).await().atMost(WAIT);
    }

    /** The countries of every alert of a record, by the alert's contact point (each test's label of an alert). */
    public static Map<String, Set<String>> countriesByContact(SourceRecord record) {
        Map<String, Set<String>> out = new TreeMap<>();
        record.alerts().forEach(a -> out.put(a.contactPoint(), a.restrictions().countries()));
        return out;
    }

    /** The same connector on a pool whose server does not answer: a call that asks the database fails. */
    public SourceConnector unreachable(BiFunction<Pool, UnreadableCodes, SourceConnector> connector) {
        Pool nowhere = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(1)
                .setDatabase(database).setUser(server.user()).setConnectTimeout(2000)).using(vertx).build();
        return connector.apply(nowhere, UnreadableCodes.UNCOUNTED);
    }

    /** The countries of a record's only alert. */
    public static Set<String> onlyAlertCountries(SourceRecord record) {
        assertEquals(1, record.alerts().size(), "one alert");
        return record.alerts().get(0).restrictions().countries();
    }

    /** Restriction entries the connector could not read so far. */
    public int unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        server.dropDatabaseIfExists(database);
    }
}
