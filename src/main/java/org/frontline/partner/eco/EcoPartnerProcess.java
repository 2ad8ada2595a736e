package org.frontline.partner.eco;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ECO partner API as a separate JVM process, started by the demo and the tests: the same java, this
 * application's classpath, {@link EcoPartnerMain}, ports chosen by the process (free ones) and read back from
 * its first line. Its output goes to a log file beside it. {@link #close} stops the process.
 */
public final class EcoPartnerProcess implements AutoCloseable {

    public static final String CLIENT_ID = "frontline";

    private static final Pattern LISTENING = Pattern.compile("ECO partner API listening: api=(\\d+) admin=(\\d+)");

    private final Process process;
    private final int apiPort;
    private final int adminPort;
    private final Path log;

    private EcoPartnerProcess(Process process, int apiPort, int adminPort, Path log) {
        this.process = process;
        this.apiPort = apiPort;
        this.adminPort = adminPort;
        this.log = log;
    }

    /**
     * Starts the partner on its database and waits (at most 60 s) until it listens.
     *
     * @param extraArgs further {@code --key=value} options of {@link EcoPartnerMain}
     */
    public static EcoPartnerProcess start(String reactiveDbUrl, String dbUser, String dbPassword, String clientSecret,
                                          Path logFile, String... extraArgs) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(classpath());
        command.add(EcoPartnerMain.class.getName());
        command.add("--db=" + reactiveDbUrl);
        command.add("--db-user=" + dbUser);
        if (dbPassword != null && !dbPassword.isEmpty()) {
            command.add("--db-password=" + dbPassword);
        }
        command.add("--client-id=" + CLIENT_ID);
        command.add("--exit-with-parent=true");
        command.addAll(List.of(extraArgs));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            // the secret in the environment, not on the command line that every process list shows
            builder.environment().put(EcoPartnerMain.SECRET_ENV, clientSecret);
            Process process = builder.start();
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < until) {
                String text = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
                Matcher m = LISTENING.matcher(text);
                if (m.find()) {
                    return new EcoPartnerProcess(process, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), logFile);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the ECO partner API exited (" + process.exitValue() + "): " + text);
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new IllegalStateException("the ECO partner API did not start within 60 s; see " + logFile);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the ECO partner API", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the ECO partner API", e);
        }
    }

    /**
     * This application's classpath for a plain {@code java -cp}: the JVM's own, unless it was started from a
     * Quarkus fast jar (quarkus-run.jar), whose classes and libraries are then listed from its folder.
     */
    static String classpath() {
        String cp = System.getProperty("java.class.path");
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.endsWith("quarkus-run.jar")) {
                Path app = Path.of(entry).toAbsolutePath().getParent();
                List<String> jars = new ArrayList<>();
                for (String dir : List.of("app", "lib/boot", "lib/main")) {
                    try (Stream<Path> files = Files.list(app.resolve(dir))) {
                        files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(f -> jars.add(f.toString()));
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot list " + app.resolve(dir), e);
                    }
                }
                return String.join(File.pathSeparator, jars);
            }
        }
        return cp;
    }

    public int apiPort() {
        return apiPort;
    }

    public int adminPort() {
        return adminPort;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** A call to the loopback admin port: POST or DELETE /admin/faults, POST /admin/tokens/revoke, GET /admin/stats. */
    public String admin(String method, String path, String json) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                    .timeout(Duration.ofSeconds(10));
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("admin " + method + " " + path + ": " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("admin " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Sets the partner's faults (a JSON of its Faults: delayMs, delayFromPage, status, malformed, throttle,
     * retryAfterSeconds, tokenTtlMs, oversizedBytes).
     */
    public void faults(String json) {
        admin("POST", "/admin/faults", json);
    }

    /** No faults, and the change feed up. */
    public void heal() {
        admin("DELETE", "/admin/faults", null);
        feed(true);
    }

    /** Takes the partner's change feed down (every stream ended, new ones refused) or up again. */
    public void feed(boolean up) {
        admin("POST", "/admin/feed", "{\"up\": " + up + "}");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
