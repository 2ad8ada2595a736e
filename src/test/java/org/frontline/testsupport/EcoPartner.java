package org.frontline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.frontline.partner.eco.EcoPartnerProcess;
import org.frontline.sourcedata.PostgresServer;
import org.frontline.sourcedata.SyntheticSeeder;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The ECO source of a service under test: the partner API as a real process ({@link EcoPartnerProcess}) on
 * a database of its own on the test PostgreSQL server, seeded from the same world as the other test sources
 * ({@link SourceDatabases#SEED}) plus the fixtures below, and reached through a {@link FaultProxy} of its own
 * (named {@link #ID}), so that a test can delay, black-hole or reset the connection to the partner. One
 * process per test JVM; each start heals its faults. Enables {@code frontline.sources.eco} with small pages,
 * so that a question reads several. Its arguments ({@code TestResourceEntry} args) are further
 * {@code frontline.sources.eco.*} keys, without the prefix, that replace its own (e.g. the breaker's, for a
 * test of the breaker itself).
 */
public class EcoPartner implements QuarkusTestResourceLifecycleManager {

    public static final String ID = "eco";
    public static final String SECRET = "test-only-eco-client-secret";
    public static final int PERSONS = 1000;
    public static final int PAGE_SIZE = 3;

    /** A subject wanted by ECO (Turkey), with a stolen passport and a stolen car. */
    public static final String WANTED_NAME = "Kerimcan Yildirimoglu";
    public static final String WANTED_DATE_OF_BIRTH = "1983-04-17";
    public static final String WANTED_NOTICE = "ECO-N-2025-990001";
    public static final String STOLEN_PASSPORT = "U99887766";
    public static final String STOLEN_PLATE = "34ECO990";
    /**
     * A subject with two notices of Iran's: one releasable to Iran alone, one to Turkey and a code that names no
     * state (ZZZ), which the service reads fail closed: the owner (Iran) only, not Turkey.
     */
    public static final String LISTED_NAME = "Bahramzadeh Soltanabadi";
    public static final String LISTED_NOTICE = "ECO-N-2025-990002";
    public static final String UNREADABLE_NOTICE = "ECO-N-2025-990003";

    private static EcoPartnerProcess process;
    private static FaultProxy proxy;

    private final Map<String, String> overrides = new HashMap<>();

    private FaultProxy.Mode atStart = FaultProxy.Mode.PASS;

    /** Args: frontline.sources.eco.* keys without the prefix, and {@code proxy-at-start}: the proxy's mode as the service starts. */
    @Override
    public void init(Map<String, String> initArgs) {
        initArgs.forEach((key, value) -> {
            if (key.equals("proxy-at-start")) {
                atStart = FaultProxy.Mode.valueOf(value);
            } else {
                overrides.put(key, value);
            }
        });
    }

    public static String database() {
        return SourceDatabases.database("eco_partner");
    }

    public static synchronized EcoPartnerProcess process() {
        return process;
    }

    /** Runs statements on the partner's database, as the partner's own clerk would. */
    public static void execute(String... statements) {
        try (Connection c = SourceDatabases.server().connect(database()); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("partner database: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> start() {
        PostgresServer pg = SourceDatabases.server();
        synchronized (EcoPartner.class) {
            if (process == null || !process.alive()) {
                String db = database();
                pg.dropDatabaseIfExists(db);
                pg.createDatabaseIfMissing(db);
                SyntheticSeeder.seed(pg.jdbcUrl(db), pg.user(), pg.password(), ID, SourceDatabases.SEED, PERSONS);
                execute(
                        "INSERT INTO eco_subject (subject_id, surname, forenames, patronymic, name_native, birth_date, sex, citizenship)"
                                + " VALUES (99000001, 'Yildirimoglu', 'Kerimcan', NULL, NULL, '17.04.1983', 'M', 'TUR'),"
                                + " (99000002, 'Soltanabadi', 'Bahramzadeh', NULL, 'بهرام زاده سلطان آبادی', '1971', 'M', 'IRN')",
                        "INSERT INTO eco_notice (notice_ref, subject_id, notice_type, measure, cautions, issued, originator,"
                                + " releasability, releasable_to, grading, on_restricted, point_of_contact) VALUES"
                                + " ('" + WANTED_NOTICE + "', 99000001, 'WANTED', 'DETAIN', '{WEAPON}', '2025-03-01', 'TUR', 'ECO', NULL,"
                                + " 'OPEN', 'HIDE', 'Turkish National Police, Ankara'),"
                                + " ('" + LISTED_NOTICE + "', 99000002, 'OBSERVE', 'OBSERVE_DISCREETLY', '{}', '2025-03-02', 'IRN', 'LIST',"
                                + " '{IRN}', 'OPEN', 'HIDE', 'FARAJA, Tehran'),"
                                + " ('" + UNREADABLE_NOTICE + "', 99000002, 'WANTED', 'DETAIN', '{}', '2025-03-03', 'IRN', 'LIST',"
                                + " '{TUR,ZZZ}', 'OPEN', 'HIDE', 'FARAJA, Tehran')",
                        "INSERT INTO eco_document (doc_number, doc_country, doc_type, status, status_date, subject_id,"
                                + " point_of_contact) VALUES ('" + STOLEN_PASSPORT + "', 'TUR', 'PASSPORT', 'STOLEN', '2025-02-02',"
                                + " 99000001, 'Turkish National Police, Ankara')",
                        "INSERT INTO eco_vehicle (plate, plate_country, vin, make_model, status, status_date, point_of_contact)"
                                + " VALUES ('34 ECO 990', 'TUR', NULL, 'Tofas Dogan', 'STOLEN', '2025-01-05', 'Turkish National Police, Ankara')");
                process = EcoPartnerProcess.start(pg.reactiveUrl(db), pg.user(), pg.password(), SECRET,
                        Path.of("target", "eco-partner-test.log"), "--rate-limit=200", "--token-ttl=600s");
                EcoPartnerProcess started = process;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "eco-partner-test-stop"));
                try {
                    if (proxy != null) {
                        proxy.close();
                    }
                    proxy = new FaultProxy(ID, "127.0.0.1", process.apiPort());
                } catch (IOException e) {
                    throw new IllegalStateException("could not start the ECO proxy", e);
                }
            }
        }
        process.heal();
        FaultProxy.mode(ID, atStart);
        Map<String, String> config = new HashMap<>();
        String prefix = "frontline.sources." + ID + ".";
        config.put(prefix + "enabled", "true");
        config.put(prefix + "url", "http://127.0.0.1:" + proxy.port());
        config.put(prefix + "client-id", EcoPartnerProcess.CLIENT_ID);
        config.put(prefix + "client-secret", SECRET);
        config.put(prefix + "page-size", Integer.toString(PAGE_SIZE));
        config.put(prefix + "max-pages", "4");
        // the fault tests below fail ECO on purpose, many times: its breaker stays out of their way
        config.put(prefix + "breaker.request-volume", "1000");
        overrides.forEach((key, value) -> config.put(prefix + key, value));
        return config;
    }

    @Override
    public void stop() {
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
        if (process != null) {
            process.heal();
        }
    }
}
