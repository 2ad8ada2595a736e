import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Manifests against single searches (issue 15, section 3), dependency-free, run as a single-file
 * program by loadtests/manifest.sh:
 *
 * <pre>
 *   java loadtests/tools/ManifestLoad.java &lt;baseUrl&gt; &lt;token&gt; &lt;seconds per phase&gt; &lt;single clients&gt; &lt;out.json&gt;
 * </pre>
 *
 * Phases, one after the other: warm-up (single searches and a 200-traveller manifest, not
 * measured); single searches alone (closed model, N clients, for the phase's seconds); one
 * 1,000-traveller manifest, cold (travellers nobody asked before: every question goes to the
 * sources), timed from the request to its summary line, with the p50 of its travellers' own
 * elapsed times; then single searches again while two manifests are screened back to back for the
 * whole phase (fresh travellers each time). Single searches alternate a document number and a
 * person name nobody asked before, so each is a cache miss that reaches every source, as the
 * manifests' questions do. Writes the figures as JSON.
 */
public final class ManifestLoad {

    private static final String[] GIVEN = {"Anna", "Jonas", "Maria", "Ahmed", "Li", "Sofia", "Omar", "Elena", "Yusuf",
            "Chen", "Lucas", "Fatima", "Ivan", "Amara", "Noah", "Leila", "Mateo", "Hana", "Tariq", "Ines"};
    private static final String[] FAMILY = {"Keller", "Haddad", "Novak", "Silva", "Okafor", "Tanaka", "Rossi", "Kowalski",
            "Nguyen", "Mansour", "Berg", "Costa", "Petrov", "Dubois", "Yilmaz", "Santos", "Moreau", "Ali", "Fischer", "Lopez"};
    private static final String[] COUNTRIES = {"DEU", "FRA", "ESP", "ITA", "NLD", "POL", "TUR", "JOR", "BRA", "VNM"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final AtomicLong unique = new AtomicLong();
    private final long salt = System.nanoTime();

    private ManifestLoad(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: ManifestLoad <baseUrl> <token> <seconds per phase> <single clients> <out.json>");
            System.exit(2);
        }
        ManifestLoad load = new ManifestLoad(args[0], args[1]);
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);

        log("warm-up: single searches and a 200-traveller manifest (not measured)");
        load.singles(clients, Math.max(5, seconds / 2));
        load.manifest(200);

        log("single searches alone: " + clients + " clients, " + seconds + " s");
        List<Double> alone = load.singles(clients, seconds);

        log("one 1,000-traveller manifest, cold");
        Manifest cold = load.manifest(1000);

        log("single searches while two manifests are screened back to back: " + clients + " clients, " + seconds + " s");
        AtomicBoolean stop = new AtomicBoolean();
        List<Manifest> during = Collections.synchronizedList(new ArrayList<>());
        List<Thread> screeners = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        during.add(load.manifest(1000));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            t.start();
            screeners.add(t);
        }
        Thread.sleep(1000);   // both manifests under way
        List<Double> withManifests = load.singles(clients, seconds);
        stop.set(true);
        for (Thread t : screeners) {
            t.join(TimeUnit.MINUTES.toMillis(3));
        }

        double aloneP99 = percentile(alone, 99);
        double duringP99 = percentile(withManifests, 99);
        String json = String.format(Locale.ROOT, """
                {
                  "single_clients": %d,
                  "seconds_per_phase": %d,
                  "single_alone": {"count": %d, "p50_ms": %.2f, "p99_ms": %.2f},
                  "single_during_two_manifests": {"count": %d, "p50_ms": %.2f, "p99_ms": %.2f},
                  "manifest_1000_cold": {"seconds": %.3f, "traveller_p50_ms": %.1f, "traveller_p99_ms": %.1f,
                    "answered": %d, "problems": %d, "outcomes": %s, "http_status": %d},
                  "manifests_during": {"count": %d, "mean_seconds": %.3f, "travellers_answered": %d},
                  "manifest_1000_seconds": %.3f,
                  "single_p99_during_manifest_over_alone": %.3f
                }
                """, clients, seconds, alone.size(), percentile(alone, 50), aloneP99, withManifests.size(),
                percentile(withManifests, 50), duringP99, cold.seconds, percentile(cold.travellerMs, 50),
                percentile(cold.travellerMs, 99), cold.answered, cold.problems, cold.outcomes, cold.status,
                during.size(), during.stream().mapToDouble(m -> m.seconds).average().orElse(0),
                during.stream().mapToInt(m -> m.answered).sum(), cold.seconds, duringP99 / aloneP99);
        Files.writeString(Path.of(args[4]), json);
        System.out.print(json);
    }

    private static void log(String message) {
        System.err.printf("[ManifestLoad %tT] %s%n", System.currentTimeMillis(), message);
    }

    /** Closed model: each client asks, waits for the answer, asks again, for the given seconds; the latencies in ms. */
    private List<Double> singles(int clients, int seconds) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long n = unique.incrementAndGet();
                    boolean document = n % 2 == 0;
                    String body = document
                            ? "{\"number\":\"" + documentNumber(n) + "\",\"issuingCountry\":\"DEU\",\"purpose\":\"load test\"}"
                            : "{\"name\":\"" + name(n) + "\",\"dateOfBirth\":\"" + dateOfBirth(n) + "\",\"purpose\":\"load test\"}";
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(post("/v1/search/" + (document ? "document" : "person"),
                                "application/json", "application/json", body), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            latencies.add((System.nanoTime() - start) / 1e6);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            log(failures.get() + " single searches failed");
        }
        return new ArrayList<>(latencies);
    }

    record Manifest(double seconds, int status, int answered, int problems, String outcomes, List<Double> travellerMs) {
    }

    /** One manifest of fresh travellers, NDJSON read line by line until its summary. */
    private Manifest manifest(int travellers) throws Exception {
        StringBuilder body = new StringBuilder("{\"flight\":\"LD0001\",\"purpose\":\"load test\",\"travellers\":[");
        for (int i = 0; i < travellers; i++) {
            long n = unique.incrementAndGet();
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"name\":\"").append(name(n)).append("\",\"dateOfBirth\":\"").append(dateOfBirth(n))
                    .append("\",\"nationality\":\"").append(COUNTRIES[(int) (n % COUNTRIES.length)])
                    .append("\",\"documentNumber\":\"").append(documentNumber(n))
                    .append("\",\"issuingCountry\":\"").append(COUNTRIES[(int) ((n / 7) % COUNTRIES.length)])
                    .append("\",\"documentType\":\"PASSPORT\"}");
        }
        body.append("]}");
        long start = System.nanoTime();
        HttpResponse<Stream<String>> r = http.send(post("/v1/screen/manifest", "application/json",
                "application/x-ndjson", body.toString()), HttpResponse.BodyHandlers.ofLines());
        int answered = 0;
        int problems = 0;
        String outcomes = "{}";
        List<Double> travellerMs = new ArrayList<>();
        for (Iterator<String> lines = r.body().iterator(); lines.hasNext(); ) {
            String line = lines.next();
            if (line.startsWith("{\"type\":\"traveller\"")) {
                answered++;
                int at = line.lastIndexOf("\"elapsedMs\":");
                if (at >= 0) {
                    travellerMs.add(Double.parseDouble(line.substring(at + 12).replaceAll("[^0-9].*$", "")));
                }
            } else if (line.startsWith("{\"type\":\"problem\"")) {
                problems++;
            } else if (line.startsWith("{\"type\":\"summary\"")) {
                int at = line.indexOf("\"outcomes\":");
                outcomes = line.substring(at + 11, line.indexOf('}', at) + 1);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (r.statusCode() != 200 || answered != travellers) {
            log("manifest: status " + r.statusCode() + ", " + answered + " of " + travellers + " answered");
        }
        return new Manifest(seconds, r.statusCode(), answered, problems, outcomes, travellerMs);
    }

    private HttpRequest post(String path, String contentType, String accept, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String name(long n) {
        Random r = new Random(salt * 31 + n);
        // a third given name from the run's own counter: nobody asked this name before in this run
        return GIVEN[r.nextInt(GIVEN.length)] + " " + GIVEN[r.nextInt(GIVEN.length)].charAt(0)
                + Long.toString(n + salt % 100_000, 36).replaceAll("[0-9]", "") + " " + FAMILY[r.nextInt(FAMILY.length)];
    }

    private String dateOfBirth(long n) {
        Random r = new Random(salt * 17 + n);
        return String.format(Locale.ROOT, "%d-%02d-%02d", 1940 + r.nextInt(65), 1 + r.nextInt(12), 1 + r.nextInt(28));
    }

    private String documentNumber(long n) {
        return "LT" + Long.toString(salt % 1_000_000 + n * 7919, 36).toUpperCase(Locale.ROOT);
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
