package org.frontline.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.frontline.sourcedata.AimcSeeder;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The AIMC source of a service under test: a real MariaDB database ({@link MariaDbDatabases}), migrated
 * and seeded from the same world as the PostgreSQL test sources ({@link SourceDatabases#SEED}), plus the
 * clerk's fixtures below, reached through a {@link FaultProxy} of its own (named {@link #ID}) so that a
 * test can delay, black-hole or reset it alone. Returns the connection keys of
 * {@code frontline.sources.aimc} and enables it (the test profile disables it elsewhere).
 */
public class AimcDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String ID = "aimc";
    public static final String DB = MariaDbDatabases.database("service");
    public static final int PERSONS = 1000;

    /** A wanted person the Council's clerk wrote: Arabic script first, a Hijri date of birth (1400-01-01 AH = 1979-11-21). */
    public static final String WANTED_NAME = "Zubaida Qarqashawi";
    public static final String WANTED_DATE_OF_BIRTH = "1979-11-21";
    public static final String STOLEN_PASSPORT = "AIM556677";

    private static FaultProxy proxy;

    @Override
    public Map<String, String> start() {
        MariaDbDatabases.recreate(DB);
        AimcSeeder.seed(MariaDbDatabases.jdbcUrl(DB), MariaDbDatabases.USER, MariaDbDatabases.PASSWORD,
                SourceDatabases.SEED, PERSONS);
        MariaDbDatabases.execute(DB,
                "INSERT INTO aimc_person (person_id, name_ar, given_latin, family_latin, birth_date, birth_calendar, sex,"
                        + " nationality) VALUES (9500001, 'زبيدة قرقشاوي', 'Zubaida', 'Qarqashawi', '1400-01-01', 'H', '2', 'JOR')",
                "INSERT INTO aimc_bulletin (bulletin_no, person_id, bulletin_type, measure, hazards, issued_on, issuing_state,"
                        + " contact) VALUES ('AIMC/1446/950001', 9500001, 'QABD', 'ARREST', 'ARMED', '2025-01-01', 'JOR',"
                        + " 'Public Security Directorate, Amman')",
                "INSERT INTO aimc_document (document_no, issuing_country, document_kind, document_state, state_date,"
                        + " issuing_state, contact) VALUES ('" + STOLEN_PASSPORT + "', 'JOR', 'JAWAZ', 'MASRUQ', '2025-02-02',"
                        + " 'JOR', 'Public Security Directorate, Amman')");
        try {
            synchronized (AimcDatabase.class) {
                if (proxy == null) {
                    proxy = new FaultProxy(ID, MariaDbDatabases.HOST, MariaDbDatabases.PORT);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start the AIMC proxy", e);
        }
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
        Map<String, String> config = new HashMap<>();
        String prefix = "frontline.sources." + ID + ".";
        config.put(prefix + "enabled", "true");
        config.put(prefix + "url", MariaDbDatabases.reactiveUrl(proxy.port(), DB));
        config.put(prefix + "username", MariaDbDatabases.USER);
        if (!MariaDbDatabases.PASSWORD.isEmpty()) {
            config.put(prefix + "password", MariaDbDatabases.PASSWORD);
        }
        return config;
    }

    @Override
    public void stop() {
        FaultProxy.mode(ID, FaultProxy.Mode.PASS);
    }
}
