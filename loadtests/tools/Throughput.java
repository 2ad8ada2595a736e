import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Saturation throughput, closed loop: N threads each send one request, wait for the whole answer,
 * send the next, for D seconds (after W unmeasured warm-up seconds). One request body; every
 * "{rnd}" in it becomes 9 random digits per request (a new unknown document number each time).
 * Dependency-free (java.net.http); loopback only; bounded (stops after W + D + the request timeout).
 *
 * <pre>
 * java loadtests/tools/Throughput.java --url http://127.0.0.1:PORT/v1/search/document --token JWT \
 *     --body '{"number":"ZQ{rnd}","issuingCountry":"DEU","purpose":"border control"}' \
 *     [--threads 32] [--seconds 30] [--warmup-seconds 10] [--timeout-ms 5000] [--method GET (no --body)]
 * </pre>
 *
 * Prints key=value lines: threads, seconds, requests (completed in the measured window), ok (200),
 * errors (non-200 or I/O), rps (requests/s), ok_rps, p50_ms, p99_ms, max_ms (over all measured
 * requests), statuses.
 */
public class Throughput {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI uri = URI.create(need(a, "url"));
        String host = uri.getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("loopback only: " + host);
        }
        String token = need(a, "token");
        // --method GET (no body) measures a plain endpoint such as /v1/ping, the HTTP floor
        boolean get = "GET".equalsIgnoreCase(a.getOrDefault("method", "POST"));
        String body = get ? "" : need(a, "body");
        int threads = Integer.parseInt(a.getOrDefault("threads", "32"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "30"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup-seconds", "0"));
        long timeoutMs = Long.parseLong(a.getOrDefault("timeout-ms", "5000"));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long t0 = System.nanoTime();
        long measureFrom = t0 + (long) (warmup * 1e9);
        long measureTo = measureFrom + (long) (seconds * 1e9);
        LongAdder errors = new LongAdder();
        LongAdder ok = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> ioKinds = new ConcurrentHashMap<>();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int me = t;
            latencies[t] = new long[4096];
            workers[t] = new Thread(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (true) {
                    long start = System.nanoTime();
                    if (start >= measureTo) {
                        return;
                    }
                    String b = body;
                    while (b.contains("{rnd}")) {
                        b = b.replaceFirst("\\{rnd}", Integer.toString(100_000_000 + rnd.nextInt(900_000_000)));
                    }
                    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(timeoutMs))
                            .header("Authorization", "Bearer " + token);
                    HttpRequest request = get ? builder.GET().build()
                            : builder.header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(b)).build();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                        ioKinds.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    } catch (InterruptedException e) {
                        return;
                    }
                    long end = System.nanoTime();
                    if (start < measureFrom || end > measureTo) {
                        continue; // warm-up, or finished after the window: not measured
                    }
                    if (counts[me] == latencies[me].length) {
                        latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
                    }
                    latencies[me][counts[me]++] = end - start;
                    statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
                    if (status == 200) {
                        ok.increment();
                    } else {
                        errors.increment();
                    }
                    if (status == -1) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "throughput-" + t);
            workers[t].setDaemon(true);
            workers[t].start();
        }
        long hardEnd = measureTo + (timeoutMs + 2000) * 1_000_000L;
        for (Thread w : workers) {
            long left = (hardEnd - System.nanoTime()) / 1_000_000L;
            if (left > 0) {
                w.join(left);
            }
        }
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        long[] all = new long[n];
        int k = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("threads=%d%n", threads);
        System.out.printf("seconds=%.1f%n", seconds);
        System.out.printf("requests=%d%n", n);
        System.out.printf("ok=%d%n", ok.sum());
        System.out.printf("errors=%d%n", errors.sum());
        System.out.printf("rps=%.1f%n", n / seconds);
        System.out.printf("ok_rps=%.1f%n", ok.sum() / seconds);
        System.out.printf("p50_ms=%.1f%n", pct(all, 0.50));
        System.out.printf("p99_ms=%.1f%n", pct(all, 0.99));
        System.out.printf("max_ms=%.1f%n", n == 0 ? 0 : all[n - 1] / 1e6);
        System.out.printf("statuses=%s%n", new TreeMap<>(statuses));
        System.out.printf("io_error_kinds=%s%n", new TreeMap<>(ioKinds));
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String need(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }
}
