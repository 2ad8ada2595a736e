import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for loadtests/audit-kill9.sh: fires searches from N threads, closed loop, and appends
 * the queryId of EVERY 200 answer fully received to a file, one per line, flushed as it arrives
 * (before the thread sends its next request). Counts every other outcome. Stops by itself once the
 * service stops answering (no response at all for --stop-after-failing seconds while connections
 * fail), and always after --max-seconds. Dependency-free (java.net.http); loopback only.
 *
 * <pre>
 * java loadtests/tools/AuditKillCheck.java --url http://127.0.0.1:PORT --token JWT --out received.txt \
 *     [--threads 16] [--max-seconds 60] [--stop-after-failing 3] [--person-share 10]
 * </pre>
 *
 * Prints "AuditKillCheck ..." progress lines and, at the end, key=value lines: received, statuses,
 * io_errors, sent, seconds, stop_reason.
 */
public class AuditKillCheck {

    private static final Pattern QUERY_ID = Pattern.compile("\"queryId\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] FORENAMES = {"Anna", "Pedro", "Mohammed", "Li", "Olga", "John", "Fatima", "Jean",
            "Maria", "Ahmed", "Nguyen", "Sofia", "Carlos", "Yuki", "Ivan", "Amina"};
    private static final String[] SURNAMES = {"Silva", "Garcia", "Nguyen", "Ivanov", "Smith", "Al Rashid", "Tan",
            "Dubois", "Rossi", "Kowalski", "Haddad", "Santos", "Lim", "Petrov", "Mueller", "Khan"};

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = req(a, "url");
        URI base = URI.create(url);
        String host = base.getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("loopback only: " + host);
        }
        String token = req(a, "token");
        Path out = Path.of(req(a, "out"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "16"));
        long maxSeconds = Long.parseLong(a.getOrDefault("max-seconds", "60"));
        long stopAfterFailingMs = (long) (Double.parseDouble(a.getOrDefault("stop-after-failing", "3")) * 1000);
        int personShare = Integer.parseInt(a.getOrDefault("person-share", "10"));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);

        long start = System.nanoTime();
        long deadline = start + maxSeconds * 1_000_000_000L;
        AtomicLong lastResponse = new AtomicLong(start);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong stopReasonFailing = new AtomicLong();
        LongAdder sent = new LongAdder();
        LongAdder received = new LongAdder();
        LongAdder ioErrors = new LongAdder();
        LongAdder malformed = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (!stop.get() && System.nanoTime() < deadline) {
                    boolean person = rnd.nextInt(100) < personShare;
                    String path;
                    String body;
                    if (person) {
                        path = "/v1/search/person";
                        body = "{\"name\":\"" + FORENAMES[rnd.nextInt(FORENAMES.length)] + " "
                                + SURNAMES[rnd.nextInt(SURNAMES.length)] + "\",\"dateOfBirth\":\""
                                + (1950 + rnd.nextInt(50)) + "\",\"purpose\":\"kill -9 audit check\"}";
                    } else {
                        path = "/v1/search/document";
                        body = "{\"number\":\"ZK" + (100_000_000 + rnd.nextInt(900_000_000))
                                + "\",\"issuingCountry\":\"DEU\",\"purpose\":\"kill -9 audit check\"}";
                    }
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    sent.increment();
                    try {
                        // ofString completes only once the whole body has arrived (a cut body is an IOException)
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        lastResponse.set(System.nanoTime());
                        statuses.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
                        if (response.statusCode() == 200) {
                            String text = response.body();
                            Matcher m = QUERY_ID.matcher(text);
                            if (text.trim().endsWith("}") && m.find()) {
                                synchronized (writer) {
                                    writer.write(m.group(1));
                                    writer.write('\n');
                                    writer.flush();
                                }
                                received.increment();
                            } else {
                                malformed.increment();
                            }
                        }
                    } catch (IOException e) {
                        ioErrors.increment();
                        errorKinds.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                        long now = System.nanoTime();
                        if (now - lastResponse.get() > stopAfterFailingMs * 1_000_000L) {
                            stopReasonFailing.set(1);
                            stop.set(true);
                        }
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "killcheck-" + t);
            workers[t].setDaemon(true);
            workers[t].start();
        }

        long hardEnd = deadline + 15_000_000_000L; // the request timeout plus margin: bounded whatever happens
        long lastPrint = start;
        while (true) {
            boolean alive = false;
            for (Thread w : workers) {
                alive |= w.isAlive();
            }
            if (!alive || System.nanoTime() > hardEnd) {
                break;
            }
            Thread.sleep(100);
            if (System.nanoTime() - lastPrint > 2_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf("AuditKillCheck t=%.1fs sent=%d received=%d io_errors=%d statuses=%s%n",
                        (lastPrint - start) / 1e9, sent.sum(), received.sum(), ioErrors.sum(), statuses);
                System.out.flush();
            }
        }
        stop.set(true);
        synchronized (writer) {
            writer.flush();
            writer.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("sent=%d%n", sent.sum());
        System.out.printf("received=%d%n", received.sum());
        System.out.printf("malformed_200=%d%n", malformed.sum());
        System.out.printf("statuses=%s%n", new TreeMap<>(statuses));
        System.out.printf("io_errors=%d%n", ioErrors.sum());
        System.out.printf("io_error_kinds=%s%n", new TreeMap<>(errorKinds));
        System.out.printf("seconds=%.1f%n", seconds);
        System.out.printf("stop_reason=%s%n", stopReasonFailing.get() == 1 ? "service-unreachable" : "max-seconds");
        System.exit(0);
    }

    private static String req(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }
}
