package org.frontline.demo;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import org.frontline.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The front door as a newcomer finds it: the packaged demo ({@code -Dquarkus.profile=demo}, as the README
 * starts it, with fewer synthetic persons so that it starts quickly) prints a banner, and the commands it
 * prints, run as they are by bash and curl the moment the banner appears, all answer 200: the token is
 * minted first, and the port is listening when they are printed. The demo caches under a namespace of
 * its own, new every run. Its output goes to {@code target/demo-front-door.log}.
 */
class DemoFrontDoorIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LOG = Path.of("target", "demo-front-door.log");
    private static final Duration START_LIMIT = Duration.ofMinutes(6);
    private static final Pattern NAMESPACE = Pattern.compile("keys under '(fq-demo-[0-9a-f-]{36})'");

    private static Process demo;
    private static int port;
    private static String redisUrl;

    @BeforeAll
    static void startTheDemo() throws IOException {
        assertTrue(Files.exists(JAR), JAR + " is built by `package`, before the integration tests");
        port = freePort();
        redisUrl = TestRedis.url();
        List<String> command = new ArrayList<>();
        Path timeout = Path.of("/usr/bin/timeout");   // a bounded life even if this JVM is killed
        if (Files.isExecutable(timeout)) {
            command.addAll(List.of(timeout.toString(), "--kill-after=10", "900"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.profile=demo",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.redis.hosts=" + redisUrl,
                "-Dfrontline.demo.persons=300",
                "-jar", JAR.toString()));
        demo = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
    }

    @AfterAll
    static void stopTheDemo() throws InterruptedException {
        if (demo == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(demo.descendants().toList());
        all.add(demo.toHandle());
        all.forEach(ProcessHandle::destroy);
        if (!demo.waitFor(30, TimeUnit.SECONDS)) {
            all.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * The demo mints a token for whoever asks: it must not listen beyond this machine unless told to.
     * Started without {@code quarkus.http.host}, it answers on loopback and refuses the connection on
     * every other address this machine has (192.0.2.2 here).
     */
    @Test
    void theDemoListensOnThisMachineOnly() throws Exception {
        awaitBanner();
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            assertTrue(loopback.isConnected(), "the demo answers on 127.0.0.1:" + port);
        }
        List<InetAddress> others = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (SocketException e) { return false; } })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .toList();
        assertTrue(!others.isEmpty(), "this machine has an address other than loopback to try");
        for (InetAddress other : others) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(other, port), 2000);
                fail("the demo (and its token endpoint) answers on " + other.getHostAddress() + ":" + port);
            } catch (ConnectException refused) {
                // as it should be
            }
        }
    }

    @Test
    void theBannersCommandsWorkAsPrintedAndTheCacheIsTheDemosOwn() throws Exception {
        String banner = awaitBanner();
        List<String> commands = commandsIn(banner);
        assertTrue(commands.stream().anyMatch(c -> c.contains("/demo/token")), "a token is minted first: " + commands);
        assertEquals(3, commands.stream().filter(c -> c.contains("curl ")).count(), "three curl commands: " + commands);

        // run as printed; a curl wrapper reports each answer's status on stderr, leaving stdout as a person sees it
        String script = "set -euo pipefail\n"
                + "curl() { command curl -w '%{stderr}HTTP %{http_code}\\n' \"$@\"; }\n"
                + String.join("\n", commands) + "\n";
        Process bash = new ProcessBuilder("bash", "-c", script).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the commands finished");
        assertEquals(0, bash.exitValue(), "the commands ran: " + err);
        List<String> statuses = err.lines().filter(l -> l.startsWith("HTTP ")).toList();
        assertEquals(List.of("HTTP 200", "HTTP 200", "HTTP 200"), statuses, "every printed command answers 200: " + err);
        assertTrue(out.contains("\"organisation\":\"INTERPOL\""), "the sources were listed: " + out);
        assertTrue(out.contains("\"outcome\":\"HIT\"") && out.contains("\"action\":\"SEIZE\""),
                "the stolen passport of the walkthrough is a HIT, SEIZE: " + out);

        // the cache namespace: this run's own, and the one the demo actually writes under
        Matcher namespace = NAMESPACE.matcher(banner);
        assertTrue(namespace.find(), "the banner names the demo's own cache namespace: " + banner);
        // (Redis is joined shortly after start: until then the demo caches in memory only, so ask again meanwhile)
        long keys = 0;
        for (int attempt = 0; attempt < 30 && keys == 0; attempt++) {
            keys = keysUnder(namespace.group(1));
            if (keys == 0) {
                Process again = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                again.waitFor(60, TimeUnit.SECONDS);
                Thread.sleep(500);
            }
        }
        assertTrue(keys > 0, "the demo wrote its Redis keys under " + namespace.group(1));
    }

    /** The log from the banner's first line on, once its commands have been printed in full. */
    private static String awaitBanner() throws IOException, InterruptedException {
        long until = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < until) {
            String log = Files.readString(LOG, StandardCharsets.UTF_8);
            int at = log.indexOf(DemoBanner.COMMANDS_FOLLOW);
            if (at >= 0 && log.indexOf("\n\n", at) > 0) {
                return log.substring(log.lastIndexOf("Frontline Query demo is listening", at));
            }
            if (!demo.isAlive()) {
                fail("the demo ended with " + demo.exitValue() + " before its banner: see " + LOG);
            }
            Thread.sleep(200);
        }
        fail("no banner within " + START_LIMIT + ": see " + LOG);
        return null;
    }

    /** The lines after {@link DemoBanner#COMMANDS_FOLLOW} up to the next blank line, unindented, joined where they continue. */
    static List<String> commandsIn(String banner) {
        List<String> lines = banner.lines().dropWhile(l -> !l.equals(DemoBanner.COMMANDS_FOLLOW)).skip(1)
                .takeWhile(l -> !l.isBlank()).map(l -> l.replaceFirst("^  ", "")).toList();
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            current.append(line).append('\n');
            if (!line.endsWith("\\")) {
                commands.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return commands;
    }

    private static long keysUnder(String namespace) {
        Vertx vertx = Vertx.vertx();
        try {
            Redis redis = Redis.createClient(vertx, redisUrl);
            long keys = 0;
            String cursor = "0";
            do {
                io.vertx.mutiny.redis.client.Response page = redis.send(Request.cmd(Command.SCAN).arg(cursor)
                        .arg("MATCH").arg(namespace + ":*").arg("COUNT").arg(1000)).await().atMost(Duration.ofSeconds(5));
                cursor = page.get(0).toString();
                keys += page.get(1).size();
            } while (!"0".equals(cursor));
            redis.close();
            return keys;
        } finally {
            vertx.closeAndAwait();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
