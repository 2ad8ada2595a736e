package org.frontline.client;

import org.frontline.client.api.SearchApi;
import org.frontline.client.api.SourcesApi;
import org.frontline.client.model.ActionToTake;
import org.frontline.client.model.Answer;
import org.frontline.client.model.DocumentSearch;
import org.frontline.client.model.MatchLevel;
import org.frontline.client.model.Outcome;
import org.frontline.client.model.PersonSearch;
import org.frontline.client.model.Problem;
import org.frontline.client.model.SafetyWarning;
import org.frontline.client.model.SourceView;
import org.frontline.client.model.Subject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README walkthrough through the client generated from the contract, against the packaged service
 * as a newcomer starts it (the demo profile: its own PostgreSQL with the walkthrough subjects, fewer
 * synthetic persons so that it starts quickly). Only the token is minted outside the client, from the
 * demo's {@code /demo/token} as the README does (the token endpoint is the demo's, not the contract's);
 * every question, answer and refusal goes through the generated {@link SearchApi} and {@link SourcesApi}
 * and their models. The demo's output goes to {@code target/demo-for-client.log}.
 */
class WalkthroughClientIT {

    private static final Path JAR = Path.of(System.getProperty("frontline.app.jar",
            "../../target/quarkus-app/quarkus-run.jar"));
    private static final Path LOG = Path.of("target", "demo-for-client.log");
    private static final Duration START_LIMIT = Duration.ofMinutes(6);
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private static Process demo;
    private static ApiClient client;

    @BeforeAll
    static void startTheDemoAndSignIn() throws Exception {
        assertTrue(Files.exists(JAR), JAR + " is built by the service's `package` (./mvnw package -DskipTests at the root)");
        int port = freePort();
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
                "-Dfrontline.demo.persons=300",
                "-jar", JAR.toAbsolutePath().toString()));
        Files.createDirectories(LOG.getParent());
        demo = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(LOG.toFile()).start();

        String base = "http://127.0.0.1:" + port;
        String token = signIn(base);
        client = new ApiClient();
        client.updateBaseUri(base);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
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

    @Test
    void theSourcesAreListed() throws ApiException {
        List<SourceView> sources = new SourcesApi(client).listSources();
        // the five on the demo's PostgreSQL, AIMC (asked when a MariaDB answered at start, else listed as
        // NOT_STARTED with the reason) and ECO (its partner API, a process the demo starts; NOT_STARTED when it
        // could not)
        assertEquals(7, sources.size(), sources.toString());
        assertTrue(sources.stream().anyMatch(s -> "INTERPOL".equals(s.getOrganisation())), sources.toString());
        assertTrue(sources.stream().anyMatch(s -> "AIMC".equals(s.getOrganisation())), sources.toString());
        assertTrue(sources.stream().anyMatch(s -> "ECO".equals(s.getOrganisation())), sources.toString());
    }

    @Test
    void theStolenPassportIsAHitToSeize() throws ApiException {
        Answer answer = new SearchApi(client).searchDocument(new DocumentSearch().number("P4471902")
                .issuingCountry("FRA").purpose("border control, entry"), null);
        assertEquals(Outcome.HIT, answer.getOutcome(), answer.toString());
        assertEquals(ActionToTake.SEIZE, answer.getAction(), answer.toString());
        Subject stolen = answer.getSubjects().get(0);
        assertEquals(MatchLevel.HIT, stolen.getMatch());
        assertNotNull(stolen.getRecords().get(0).getContactPoint(), "the contact point that confirms the hit");
    }

    @Test
    void theWantedPersonIsAHitToArrestWithTheWarningFirst() throws ApiException {
        Answer answer = new SearchApi(client).searchPerson(new PersonSearch().name("Muhammad Al Rasheed")
                .dateOfBirth("1983-04-12").purpose("identity check"), null);
        assertEquals(Outcome.HIT, answer.getOutcome(), answer.toString());
        assertEquals(ActionToTake.ARREST, answer.getAction(), answer.toString());
        assertTrue(answer.getWarnings().contains(SafetyWarning.ARMED), answer.toString());
        Subject wanted = answer.getSubjects().get(0);
        assertEquals(MatchLevel.HIT, wanted.getMatch());
        assertTrue(wanted.getRecords().size() >= 2, "one subject carrying the INTERPOL and the Europol record: " + wanted);
        assertTrue(answer.getMessage().startsWith("HIT"), answer.getMessage());
    }

    @Test
    void aRefusalIsAProblemTheClientCanRead() throws Exception {
        ApiException refused = assertThrows(ApiException.class, () -> new SearchApi(client).searchDocument(
                new DocumentSearch().number("P4471902").issuingCountry("ZZZ").purpose("border control"), null));
        assertEquals(400, refused.getCode());
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals(400, problem.getStatus());
        assertEquals("issuingCountry", problem.getErrors().get(0).getField(), problem.toString());
    }

    /** The demo's token endpoint, as the README calls it; retried until the demo listens. */
    private static String signIn(String base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/demo/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"officerId\":\"client-it-1\",\"agency\":\"BKA\","
                        + "\"country\":\"DEU\",\"roles\":[\"OFFICER\"],\"clearance\":\"RESTRICTED\"}"))
                .timeout(Duration.ofSeconds(10)).build();
        long until = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < until) {
            if (!demo.isAlive()) {
                fail("the demo ended with " + demo.exitValue() + " before it listened: see " + LOG.toAbsolutePath());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher token = TOKEN.matcher(response.body());
                if (response.statusCode() == 200 && token.find()) {
                    return token.group(1);
                }
            } catch (IOException notYetListening) {
                // the demo is still seeding its sources
            }
            Thread.sleep(500);
        }
        fail("the demo did not listen within " + START_LIMIT + ": see " + LOG.toAbsolutePath());
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
