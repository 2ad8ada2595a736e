package org.frontline.console;

import org.frontline.testsupport.TestRedis;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged demo ({@code -Dquarkus.profile=demo}, as the README starts it, with fewer synthetic
 * persons) as a process of its own on a free port, and a headless Debian chromium driven through Debian's
 * chromium-driver, both named explicitly so that Selenium Manager never downloads a browser or a driver.
 */
final class DemoInBrowser implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration START_LIMIT = Duration.ofMinutes(6);

    final String base;
    final ChromeDriver browser;
    private final Process demo;
    private final Path log;
    private final ChromeDriverService service;
    private final Path profile;

    private DemoInBrowser(String base, Process demo, Path log, ChromeDriverService service, Path profile, ChromeDriver browser) {
        this.base = base;
        this.demo = demo;
        this.log = log;
        this.service = service;
        this.profile = profile;
        this.browser = browser;
    }

    /**
     * How many sources the demo asks: the five on its embedded PostgreSQL, AIMC when a MariaDB answered at
     * start, and ECO when its partner process started (the demo says both in its log; README "Sources").
     */
    int sourcesAsked() {
        try {
            String text = java.nio.file.Files.readString(log);
            return 5 + (text.contains("demo: aimc (MariaDB at") ? 1 : 0) + (text.contains("demo: ECO partner API started") ? 1 : 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The demo's output (its log). */
    Path log() {
        return log;
    }

    /** Starts the demo (its output to target/{name}.log, with the extra system properties given) and a browser. */
    static DemoInBrowser start(String name, String... extraProperties) throws Exception {
        assertTrue(Files.exists(JAR), JAR + " is built by `package`, before the integration tests");
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "Debian's chromium and chromium-driver are installed (.ci/run installs them)");
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>();
        Path timeout = Path.of("/usr/bin/timeout");   // a bounded life even if this JVM is killed
        if (Files.isExecutable(timeout)) {
            command.addAll(List.of(timeout.toString(), "--kill-after=10", "900"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.profile=demo",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.redis.hosts=" + TestRedis.url(),
                "-Dfrontline.demo.persons=300"));
        command.addAll(List.of(extraProperties));
        command.addAll(List.of("-jar", JAR.toString()));
        Process demo = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        System.setProperty("SE_MANAGER_PATH", "/nonexistent");   // never Selenium Manager
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        Path profile = Files.createTempDirectory("console-it-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().withLogFile(Path.of("target", name + "-chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        awaitReady(demo, base, log);
        return new DemoInBrowser(base, demo, log, service, profile, new ChromeDriver(service, options));
    }

    @Override
    public void close() throws Exception {
        try {
            browser.quit();
            service.stop();
        } finally {
            List<ProcessHandle> all = new ArrayList<>(demo.descendants().toList());
            all.add(demo.toHandle());
            all.forEach(ProcessHandle::destroy);
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                all.forEach(ProcessHandle::destroyForcibly);
            }
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void awaitReady(Process demo, String base, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < until) {
            if (!demo.isAlive()) {
                fail("the demo ended with " + demo.exitValue() + " before it was ready: see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        demo.destroy();
        fail("the demo was not ready within " + START_LIMIT + ": see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
