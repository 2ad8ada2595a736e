package org.frontline.partner.eco;

import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The ECO partner API as a program of its own: {@code java -cp <the service's classpath>
 * org.frontline.partner.eco.EcoPartnerMain --db=postgresql://127.0.0.1:5432/fq_eco_partner ...}. The demo
 * and the tests start it as a separate JVM process (same java, same classpath) on a free port and read the
 * ports it bound from its first line of standard output:
 * {@code ECO partner API listening: api=<port> admin=<port>}.
 *
 * <p>It stands for a partner's system we do not own: it shares no code path with the service at run time
 * (plain Vert.x, no Quarkus, no CDI), only this repository, so that the connector is tested against real
 * HTTP, a real token endpoint and a real process that can be slowed, broken or stopped.
 *
 * <pre>
 * --db=URL               its database (reactive URL; user --db-user, default postgres; --db-password)
 * --port=N               API port (0: any free one; default 0), on --host (default 127.0.0.1)
 * --admin-port=N         the fault-injection endpoint's port, always on 127.0.0.1 (default 0)
 * --client-id, --client-secret   the one client it knows (default frontline / frontline-secret; the secret
 *                        also from the environment, ECO_PARTNER_CLIENT_SECRET, which keeps it out of the
 *                        process list)
 * --token-ttl=60s        lifetime of its bearer tokens
 * --rate-limit=50        requests per client per second; beyond: 429 with Retry-After
 * --heartbeat=200ms      how often the change feed says it is alive
 * --exit-with-parent=false   true: exit when standard input ends (the process that started it has gone)
 * </pre>
 */
public final class EcoPartnerMain {

    /** The environment variable the client secret may come from. */
    public static final String SECRET_ENV = "ECO_PARTNER_CLIENT_SECRET";

    private EcoPartnerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("expected --key=value, got " + arg);
                System.exit(2);
            }
            opts.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        EcoPartnerServer.Settings settings = new EcoPartnerServer.Settings(
                required(opts, "db"), opts.getOrDefault("db-user", "postgres"), opts.get("db-password"),
                opts.getOrDefault("host", "127.0.0.1"), Integer.parseInt(opts.getOrDefault("port", "0")),
                Integer.parseInt(opts.getOrDefault("admin-port", "0")),
                opts.getOrDefault("client-id", "frontline"),
                opts.getOrDefault("client-secret", System.getenv().getOrDefault(SECRET_ENV, "frontline-secret")),
                duration(opts.getOrDefault("token-ttl", "60s")), Integer.parseInt(opts.getOrDefault("rate-limit", "50")),
                duration(opts.getOrDefault("heartbeat", "200ms")));
        Vertx vertx = Vertx.vertx();
        EcoPartnerServer server = new EcoPartnerServer(vertx, settings);
        server.start().onSuccess(ports -> {
            System.out.println("ECO partner API listening: api=" + ports[0] + " admin=" + ports[1]);
            System.out.flush();
        }).onFailure(e -> {
            System.err.println("ECO partner API could not start: " + e.getMessage());
            System.exit(1);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close(), "eco-partner-stop"));
        if (!Boolean.parseBoolean(opts.getOrDefault("exit-with-parent", "false"))) {
            return;
        }
        // started by the demo or a test, it ends with them: their pipe to its standard input closes when they exit
        Thread parent = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing to read; waits for the end of the stream
                }
            } catch (java.io.IOException e) {
                // the same as the end
            }
            System.exit(0);
        }, "eco-partner-parent");
        parent.setDaemon(true);
        parent.start();
    }

    private static String required(Map<String, String> opts, String key) {
        String value = opts.get(key);
        if (value == null || value.isBlank()) {
            System.err.println("--" + key + " is required");
            System.exit(2);
        }
        return value;
    }

    /** 60s, 200ms, 2m. */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t));
    }
}
