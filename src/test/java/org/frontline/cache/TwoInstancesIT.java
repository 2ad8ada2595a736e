package org.frontline.cache;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue #4 with two real service processes: the packaged application
 * ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package}) started twice with
 * {@code java -jar}, each on a free loopback port, both on the same Redis namespace (unique to the
 * run), the same test source databases ({@link SourceDatabases}) and the same audit database. A
 * question is cached in both; a change is committed in a source; each instance is asked every 50 ms
 * and must show it within 1 s of the commit.
 *
 * <p>Unlike {@code CacheFreshnessTest}'s in-JVM second cache, nothing is shared here but what two
 * deployed instances share: Redis and PostgreSQL. The processes run the prod profile, so they verify
 * the test's officer tokens with the test public key and issuer passed on their command line. Each
 * one's output goes to {@code target/two-instances-<n>.log}. They are stopped after the class, by
 * a shutdown hook if the JVM ends first, and forcibly if they do not stop within 10 s.
 */
class TwoInstancesIT {

    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(50);
    /** How long the polling goes on, so that a late change is measured rather than only said to be late. */
    private static final Duration OBSERVE = Duration.ofSeconds(3);
    private static final Duration START = Duration.ofSeconds(60);
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Each instance stops by itself after this long, even if this test JVM is killed (SIGKILL) and cannot stop it. */
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    private static final List<Instance> INSTANCES = new ArrayList<>();
    private static Instance one;
    private static Instance two;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: the integration tests run after `package`");
        Runtime.getRuntime().addShutdownHook(new Thread(TwoInstancesIT::stopAll, "stop-two-instances"));
        long began = System.nanoTime();
        Map<String, String> config = new LinkedHashMap<>(new SourceDatabases().start());
        long prepared = System.nanoTime();
        // one namespace for the two, nobody else's
        config.put("frontline.cache.namespace", "fq-it-" + UUID.randomUUID());
        // (the prod profile verifies tokens from a configured issuer: SourceDatabases passes the test key and issuer)
        config.put("quarkus.otel.sdk.disabled", "true");
        config.put("quarkus.http.host", "127.0.0.1");
        // the same generous budgets as the @QuarkusTest profile (a busy 2-core machine must not read as a failing
        // source), and small pools: two more instances on a PostgreSQL that other runs use too
        config.put("frontline.search.default-deadline", "6s");
        config.put("frontline.search.max-deadline", "10s");
        for (String source : SourceDatabases.SOURCES) {
            config.put("frontline.sources." + source + ".timeout", "4s");
            config.put("frontline.sources." + source + ".pool-size", "2");
        }
        config.put("quarkus.datasource.reactive.max-size", "4");
        config.put("frontline.audit.timeout", "5s");

        // started together (the audit migration takes Flyway's lock, so the two do not race)
        one = Instance.start(1, config);
        two = Instance.start(2, config);
        one.awaitReady(START);
        two.awaitReady(START);
        System.out.printf("TwoInstancesIT: source databases prepared in %d ms, both instances ready %d ms later%n",
                (prepared - began) / 1_000_000, (System.nanoTime() - prepared) / 1_000_000);
        // the first person question of a JVM pays for the matcher's start (transliteration tables): not timed
        for (Instance instance : INSTANCES) {
            waitUntil(Duration.ofSeconds(30), () -> instance.person("Warm Up").getBoolean("complete"),
                    () -> instance + ": no complete person answer");
            waitUntil(Duration.ofSeconds(30), () -> instance.document("WU0000001").getBoolean("complete"),
                    () -> instance + ": no complete document answer");
        }
    }

    @AfterAll
    static void stopTwoInstances() {
        stopAll();
    }

    @Test
    void newAlertOnACachedPersonShowsOnBothInstancesWithinASecond() throws Exception {
        long subjectId = 9_200_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        String family = "Quaxworth" + Long.toString(subjectId, 36).toUpperCase();
        String name = "Zebulon " + family;
        String recordId = Long.toString(subjectId);
        // a new subject, taken in by both before the question is cached (else its announcement would drop the entry)
        settled(() -> execute("interpol", "INSERT INTO notice_subject (subject_id, family_name, forename, birth_date, sex,"
                + " nationality) VALUES (" + subjectId + ", '" + family + "', 'Zebulon', DATE '1971-05-06', 'M', 'GBR')"));

        // cached in both: instance 1 from the source (and into Redis), instance 2 from Redis, then each from its own L1
        assertEquals(0, alerts(one, name, recordId), "instance 1 finds the subject without alerts");
        double l2HitsOnTwo = two.cacheRequests("interpol", "l2", "hit");
        assertEquals(0, alerts(two, name, recordId), "instance 2 finds the subject without alerts");
        assertEquals(l2HitsOnTwo + 1, two.cacheRequests("interpol", "l2", "hit"), "instance 2 found instance 1's answer in Redis");
        assertCachedInL1OfBoth(() -> assertEquals(0, alerts(one, name, recordId)), () -> assertEquals(0, alerts(two, name, recordId)));

        // a red notice is issued in the source
        execute("interpol", "INSERT INTO notice (notice_id, subject_id, colour, requested_action, caution, issued_on,"
                + " ncb_contact) VALUES ('IT-" + subjectId + "', " + subjectId + ", 'RED', 'PROVISIONAL_ARREST', '{ARMED}',"
                + " CURRENT_DATE, 'INTERPOL NCB London')");
        assertBothWithinASecond("the red notice", instance -> alerts(instance, name, recordId) == 1);
    }

    @Test
    void cachedNoHitBecomesAHitOnBothInstancesWithinASecond() throws Exception {
        String number = "TI" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        assertEquals("NO_HIT", one.document(number).getString("outcome"));
        double l2HitsOnTwo = two.cacheRequests("interpol", "l2", "hit");
        assertEquals("NO_HIT", two.document(number).getString("outcome"));
        assertEquals(l2HitsOnTwo + 1, two.cacheRequests("interpol", "l2", "hit"), "instance 2 found instance 1's no-hit in Redis");
        assertCachedInL1OfBoth(() -> assertEquals("NO_HIT", one.document(number).getString("outcome")),
                () -> assertEquals("NO_HIT", two.document(number).getString("outcome")));

        execute("interpol", "INSERT INTO sltd_document (document_number, issuing_country, document_type, status, reported_on,"
                + " reporting_ncb) VALUES ('" + number + "', 'FRA', 'PASSPORT', 'STOLEN', CURRENT_DATE, 'INTERPOL NCB Paris')");
        assertBothWithinASecond("the stolen passport", instance -> "HIT".equals(instance.document(number).getString("outcome")));
    }

    // ------------------------------------------------------------------ the measurements

    /** Asks each instance the question again: each answer must be an L1 hit of that instance. */
    private static void assertCachedInL1OfBoth(Runnable askOne, Runnable askTwo) {
        double onOne = one.cacheRequests("interpol", "l1", "hit");
        double onTwo = two.cacheRequests("interpol", "l1", "hit");
        askOne.run();
        askTwo.run();
        assertEquals(onOne + 1, one.cacheRequests("interpol", "l1", "hit"), "instance 1 answered again from its L1");
        assertEquals(onTwo + 1, two.cacheRequests("interpol", "l1", "hit"), "instance 2 answered again from its L1");
    }

    /**
     * Called right after the commit: asks both instances at once, each every 50 ms, until it shows the
     * change (or {@link #OBSERVE} has passed), and asserts that each did within {@link #FRESH} of the commit.
     */
    private static void assertBothWithinASecond(String change, Predicate<Instance> shows) {
        long committed = System.nanoTime();
        Map<Instance, CompletableFuture<Long>> delays = new LinkedHashMap<>();
        for (Instance instance : List.of(one, two)) {
            delays.put(instance, CompletableFuture.supplyAsync(() -> firstShown(instance, shows, committed)));
        }
        Map<String, Long> measured = new LinkedHashMap<>();
        delays.forEach((instance, delay) -> measured.put(instance.toString(), delay.join()));
        String report = change + " shown after (ms since the commit; -1: not within " + OBSERVE.toMillis() + " ms): " + measured;
        System.out.println("TwoInstancesIT: " + report);
        assertTrue(measured.values().stream().allMatch(ms -> ms >= 0 && ms <= FRESH.toMillis()),
                report + ", limit " + FRESH.toMillis() + " ms");
    }

    private static long firstShown(Instance instance, Predicate<Instance> shows, long committed) {
        long until = committed + OBSERVE.toNanos();
        while (System.nanoTime() < until) {
            long asked = System.nanoTime();
            if (shows.test(instance)) {
                return (System.nanoTime() - committed) / 1_000_000;
            }
            sleep(POLL.minusNanos(System.nanoTime() - asked));
        }
        return -1;
    }

    /** Runs a change and waits until both instances have taken in its announcement (their interpol generation moved). */
    private static void settled(SqlAction change) throws SQLException {
        double onOne = one.invalidations("interpol");
        double onTwo = two.invalidations("interpol");
        change.run();
        waitUntil(Duration.ofSeconds(5), () -> one.invalidations("interpol") > onOne && two.invalidations("interpol") > onTwo,
                () -> "the change was not announced to both instances");
    }

    /** Alerts on the interpol record {@code recordId} in an instance's person answer; -1 when the record is not in it. */
    private static int alerts(Instance instance, String name, String recordId) {
        JsonPath answer = instance.person(name);
        List<Map<String, Object>> records = answer.getList("subjects.records.flatten().findAll { it.source == 'interpol'"
                + " && it.recordId == '" + recordId + "' }");
        return records.size() == 1 ? ((List<?>) records.get(0).get("alerts")).size() : -1;
    }

    // ------------------------------------------------------------------ the two processes

    /** One service process: the packaged application on a port of its own. */
    private static final class Instance {

        private final int number;
        private final int port;
        private final Process process;
        private final Path log;

        private Instance(int number, int port, Process process, Path log) {
            this.number = number;
            this.port = port;
            this.process = process;
            this.log = log;
        }

        static Instance start(int number, Map<String, String> config) throws IOException {
            int port = freePort();
            Path log = Path.of("target", "two-instances-" + number + ".log");
            List<String> command = new ArrayList<>();
            // a bounded life of its own: a test JVM killed with SIGKILL cannot stop its instances, the bound does
            Path timeout = Path.of("/usr/bin/timeout");
            if (Files.isExecutable(timeout)) {
                command.addAll(List.of(timeout.toString(), "--kill-after=10", String.valueOf(MAX_LIFETIME.toSeconds())));
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx384m");
            command.add("-XX:+UseSerialGC");
            command.add("-XX:TieredStopAtLevel=1");   // C1 only: a quicker start on a busy machine; nothing here is timed but freshness
            ProcessBuilder builder = new ProcessBuilder(command);
            config.forEach((key, value) -> {
                if (key.endsWith(".password")) {
                    // passwords by environment, not on a command line every `ps` shows
                    builder.environment().put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value);
                } else {
                    command.add("-D" + key + "=" + value);
                }
            });
            command.add("-Dquarkus.http.port=" + port);
            command.add("-jar");
            command.add(JAR.toString());
            builder.command(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Instance instance = new Instance(number, port, builder.start(), log);
            synchronized (INSTANCES) {
                INSTANCES.add(instance);
            }
            return instance;
        }

        /** Ready, Redis shared, and every source's change feed listening: what the cache needs to vouch for freshness. */
        void awaitReady(Duration limit) {
            waitUntil(limit, () -> {
                if (!process.isAlive()) {
                    fail(this + " ended with " + process.exitValue() + ": see " + log);
                }
                try {
                    JsonPath ready = JsonPath.from(RestAssured.given().baseUri(base()).get("/q/health/ready").asString());
                    return "UP".equals(ready.getString("status"))
                            && String.valueOf(ready.getString("checks.find { it.name == 'cache' }.data.redis")).startsWith("UP")
                            && "all listening".equals(ready.getString("checks.find { it.name == 'cache' }.data.'change-feeds'"));
                } catch (Exception notYet) {   // not listening yet (a ConnectException, thrown unchecked)
                    return false;
                }
            }, () -> this + " not ready: see " + log);
        }

        JsonPath person(String name) {
            return search("person", Map.of("name", name, "dateOfBirth", "1971-05-06", "purpose", "identity check"));
        }

        JsonPath document(String number) {
            return search("document", Map.of("number", number, "issuingCountry", "FRA", "purpose", "border check"));
        }

        private JsonPath search(String kind, Map<String, Object> question) {
            return TestTokens.asOfficer().baseUri(base()).contentType(ContentType.JSON).accept(ContentType.JSON).body(question)
                    .when().post("/v1/search/" + kind)
                    .then().statusCode(200).extract().jsonPath();
        }

        /** frontline_cache_requests_total{source,tier,result} as this instance's /q/metrics says. */
        double cacheRequests(String source, String tier, String result) {
            return metric("frontline_cache_requests_total", Map.of("source", source, "tier", tier, "result", result));
        }

        double invalidations(String source) {
            return metric("frontline_cache_invalidations_total", Map.of("source", source));
        }

        /** The sum of a Prometheus counter's samples whose labels include {@code labels}; 0 when there is none yet. */
        private double metric(String name, Map<String, String> labels) {
            String text = RestAssured.given().baseUri(base()).get("/q/metrics").then().statusCode(200).extract().asString();
            double sum = 0;
            for (String line : text.split("\n")) {
                if (!line.startsWith(name + "{")) {
                    continue;
                }
                String labelText = line.substring(name.length() + 1, line.lastIndexOf('}'));
                Map<String, String> found = new LinkedHashMap<>();
                for (String pair : labelText.split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        found.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim().replace("\"", ""));
                    }
                }
                if (found.entrySet().containsAll(labels.entrySet())) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return sum;
        }

        private String base() {
            return "http://127.0.0.1:" + port;
        }

        /** Asks the process to stop (SIGTERM), and kills it and anything it started if it has not within 10 s. */
        void stop() {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().collect(Collectors.toList()));
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : all) {
                try {
                    handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception notInTime) {
                    handle.destroyForcibly();
                }
            }
        }

        @Override
        public String toString() {
            return "instance-" + number;
        }
    }

    private static void stopAll() {
        List<Instance> running;
        synchronized (INSTANCES) {
            running = new ArrayList<>(INSTANCES);
            INSTANCES.clear();
        }
        running.parallelStream().forEach(Instance::stop);
    }

    // ------------------------------------------------------------------ helpers

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void execute(String source, String sql) throws SQLException {
        try (Connection c = SourceDatabases.server().connect(SourceDatabases.database(source)); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void waitUntil(Duration limit, BooleanSupplier condition, Supplier<String> failure) {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(failure.get() + " within " + limit.toMillis() + " ms");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
