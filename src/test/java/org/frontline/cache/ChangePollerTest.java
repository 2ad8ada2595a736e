package org.frontline.cache;

import io.vertx.mutiny.core.Vertx;
import org.frontline.sourcedata.AimcSeeder;
import org.frontline.testsupport.FaultProxy;
import org.frontline.testsupport.MariaDbDatabases;
import org.frontline.testsupport.Waiting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The polled change feed of a MariaDB source on a real MariaDB (AIMC's migrations), through the
 * project's TCP proxy: a clerk's change announced within the bound, per kind; a transaction that took
 * its change id before another but commits after it still announced (a gap asked for by id); a feed
 * whose polls go unanswered lost, and everything moved on when it is back.
 */
class ChangePollerTest {

    static final String DB = MariaDbDatabases.database("poller");
    static final String PROXY = "aimc-poller";
    static final Duration INTERVAL = Duration.ofMillis(250);
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration BOUND = INTERVAL.plus(TIMEOUT).plus(TIMEOUT);

    static Vertx vertx;
    static FaultProxy proxy;
    static ChangePoller poller;
    static final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        MariaDbDatabases.recreate(DB);
        AimcSeeder.migrate(MariaDbDatabases.jdbcUrl(DB), MariaDbDatabases.USER, MariaDbDatabases.PASSWORD);
        proxy = new FaultProxy(PROXY, MariaDbDatabases.HOST, MariaDbDatabases.PORT);
        FaultProxy.mode(PROXY, FaultProxy.Mode.PASS);
        vertx = Vertx.vertx();
        ChangeListener.Events record = new ChangeListener.Events() {
            @Override
            public void changed(String source, String payload) {
                events.add("changed " + payload);
            }

            @Override
            public void listening(String source) {
                events.add("listening");
            }

            @Override
            public void lost(String source) {
                events.add("lost");
            }
        };
        poller = new ChangePoller(vertx, "aimc", () -> MariaDbDatabases.pool(vertx, proxy.port(), DB), INTERVAL, TIMEOUT,
                record, Clock.systemUTC());
        poller.start();
        Waiting.until(Duration.ofSeconds(10), poller::listening, () -> "not listening: " + events);
    }

    @AfterEach
    void pass() {
        FaultProxy.mode(PROXY, FaultProxy.Mode.PASS);
    }

    @AfterAll
    static void stop() throws Exception {
        poller.close();
        vertx.closeAndAwait();
        proxy.close();
    }

    @Test
    void aClerksChangeIsAnnouncedWithinTheBoundWithItsKind() {
        events.clear();
        MariaDbDatabases.execute(DB, "INSERT INTO aimc_vehicle (plate_no, plate_country, vehicle_state, state_date,"
                + " issuing_state, contact) VALUES ('CP 1', 'JOR', 'MASRUQA', '2025-01-01', 'JOR', 'desk')");
        long committed = System.nanoTime();
        Waiting.until(BOUND, () -> events.contains("changed {\"kind\":\"VEHICLE\"}"), () -> "events: " + events);
        System.out.printf("ChangePollerTest: announced %d ms after the commit%n", (System.nanoTime() - committed) / 1_000_000);
        assertFalse(events.contains("changed {\"kind\":\"PERSON\"}"), "only the kind that changed: " + events);
    }

    @Test
    void aChangeThatCommitsAfterALaterOneIsStillAnnounced() throws Exception {
        try (Connection slow = MariaDbDatabases.connect(DB); Statement st = slow.createStatement()) {
            slow.setAutoCommit(false);
            // takes its change id first...
            st.execute("INSERT INTO aimc_document (document_no, issuing_country, document_kind, document_state, state_date,"
                    + " issuing_state, contact) VALUES ('GAP0001', 'JOR', 'JAWAZ', 'MAFQUD', '2025-01-01', 'JOR', 'desk')");
            events.clear();
            // ...a later one commits and is read, stepping over the first id
            MariaDbDatabases.execute(DB, "INSERT INTO aimc_person (person_id, given_latin, sex) VALUES (777001, 'Later', '0')");
            Waiting.until(BOUND, () -> events.contains("changed {\"kind\":\"PERSON\"}"), () -> "events: " + events);
            assertFalse(events.contains("changed {\"kind\":\"DOCUMENT\"}"), "not committed yet: " + events);
            Thread.sleep(INTERVAL.toMillis() * 3);
            slow.commit();
        }
        long committed = System.nanoTime();
        Waiting.until(BOUND, () -> events.contains("changed {\"kind\":\"DOCUMENT\"}"),
                () -> "the change committed late was never announced: " + events);
        System.out.printf("ChangePollerTest: late commit announced %d ms after it%n", (System.nanoTime() - committed) / 1_000_000);
    }

    @Test
    void unansweredPollsLoseTheFeedAndItsReturnMovesEverythingOn() {
        events.clear();
        FaultProxy.mode(PROXY, FaultProxy.Mode.BLACKHOLE);
        Waiting.until(Duration.ofSeconds(5), () -> !poller.listening(), () -> "still listening: " + events);
        assertEquals(List.of("lost"), events.stream().filter(e -> !e.startsWith("changed")).toList());
        // a change while nobody reads: moved on by the return, not by its own row
        MariaDbDatabases.execute(DB, "INSERT INTO aimc_person (person_id, given_latin, sex) VALUES (777002, 'Unseen', '0')");
        FaultProxy.mode(PROXY, FaultProxy.Mode.PASS);
        Waiting.until(Duration.ofSeconds(10), poller::listening, () -> "not back: " + events);
        assertTrue(events.contains("listening"), "everything of the source moves on when the feed is back: " + events);
    }
}
