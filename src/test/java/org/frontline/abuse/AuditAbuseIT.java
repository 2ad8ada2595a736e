package org.frontline.abuse;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.frontline.audit.AuditTamper;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the audit log and on token verification, against the packaged service
 * ({@code target/quarkus-app}, prod profile, started by Quarkus's integration-test launcher with the
 * test databases, the test key and the test checkpoint key of {@link SourceDatabases}), with the
 * real PostgreSQL and Redis. Each test fails if the attack succeeds:
 * <ul>
 *   <li>the owner of the audit tables cuts the tail of the log (triggers disabled): verify reports it;</li>
 *   <li>the role the service runs as tries to delete the log: refused by PostgreSQL;</li>
 *   <li>a token issued for no audience, or for another service: 401;</li>
 *   <li>the packaged service carries no private key.</li>
 * </ul>
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class AuditAbuseIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    private static JsonPath verify() {
        return RestAssured.given().header("Authorization", "Bearer " + TestTokens.auditor()).get("/v1/audit/verify")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aTailCutByTheOwnerOfTheAuditTablesIsReported() throws Exception {
        // enough records for the service's next commit to be checkpointed (every 1,000 records in production)
        AuditTamper.bulkAppend(1000);
        String queryId = TestTokens.asOfficer().contentType("application/json")
                .body(Map.of("number", "ABU5E0001", "issuingCountry", "ITA", "purpose", "abuse suite"))
                .post("/v1/search/document").then().statusCode(200).extract().path("queryId");
        // its CONSULTED record's commit is checkpointed; its ANSWERED record follows in the next commit
        assertEquals(2, AuditTamper.awaitRecords(queryId, 2, Duration.ofSeconds(15)), "the consultation and its outcome");
        long head = AuditTamper.head();
        long checkpoint = AuditTamper.awaitCheckpoint(head - 1, Duration.ofSeconds(15));
        assertTrue(verify().getBoolean("intact"));

        AuditTamper.Cut cut = AuditTamper.deleteTailAsOwner(checkpoint - 5);
        try {
            JsonPath broken = verify();
            assertFalse(broken.getBoolean("intact"), "the cut tail went unseen: " + broken.prettify());
            assertEquals(checkpoint - 5, broken.getLong("firstBroken.seq"), broken.prettify());
            assertTrue(broken.getString("firstBroken.reason").contains("the tail was deleted"), broken.prettify());
        } finally {
            AuditTamper.restore(cut);
        }
        assertTrue(verify().getBoolean("intact"));
    }

    @Test
    void theServicesRoleIsRefusedWhenItTriesToRewriteTheLog() throws Exception {
        // the packaged service really runs as the writer role: its pooled sessions on the audit database
        String writer = SourceDatabases.auditWriter();
        TestTokens.asOfficer().contentType("application/json")
                .body(Map.of("number", "ABU5E0002", "issuingCountry", "ITA", "purpose", "abuse suite"))
                .post("/v1/search/document").then().statusCode(200);
        Set<String> roles = new TreeSet<>();
        try (Connection su = SourceDatabases.server().connect("postgres");
             PreparedStatement ps = su.prepareStatement("SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = ?"
                     + " AND pid <> pg_backend_pid() AND usename IS NOT NULL")) {
            ps.setString(1, SourceDatabases.auditDatabase());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
        }
        assertEquals(Set.of(writer), roles, "the service's sessions on the audit database");
        List<String> allowed = new ArrayList<>();
        try (Connection c = SourceDatabases.connectAuditAs(writer)) {
            for (String attack : List.of("DELETE FROM audit_record", "TRUNCATE audit_record",
                    "UPDATE audit_record SET purpose = 'nothing to see'",
                    "ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only",
                    "DELETE FROM audit_checkpoint")) {
                try (Statement st = c.createStatement()) {
                    st.execute(attack);
                    allowed.add(attack);
                } catch (SQLException e) {
                    if (!"42501".equals(e.getSQLState())) {
                        allowed.add(attack + " (not refused for privilege but " + e.getSQLState() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), allowed, "the service's role may only INSERT and SELECT");
    }

    @Test
    void aTokenIssuedForNoAudienceOrAnotherServiceIsRefused() {
        RestAssured.given().header("Authorization", "Bearer " + TestTokens.officer()).get("/v1/sources").then().statusCode(200);
        RestAssured.given().header("Authorization", "Bearer " + TestTokens.withoutAudience()).get("/v1/sources")
                .then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer " + TestTokens.otherAudience()).get("/v1/sources")
                .then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer " + TestTokens.issuedAgo(Duration.ofHours(9))).get("/v1/sources")
                .then().statusCode(401);
    }

    @Test
    void thePackagedServiceCarriesNoPrivateKey() throws IOException {
        assertTrue(Files.isDirectory(APP), APP + " is missing: the integration tests run after `package`");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".jar")) {
                    boolean ours = APP.relativize(file).startsWith("app") || APP.relativize(file).startsWith("quarkus");
                    try (JarFile jar = new JarFile(file.toFile())) {
                        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                            JarEntry entry = entries.nextElement();
                            String entryName = entry.getName();
                            if (entryName.contains("officer-token") || ours && isKeyFile(entryName)
                                    || ours && !entry.isDirectory() && containsPrivateKey(jar.getInputStream(entry))) {
                                found.add(APP.relativize(file) + "!" + entryName);
                            }
                        }
                    }
                } else if (isKeyFile(name) || containsPrivateKey(Files.newInputStream(file))) {
                    found.add(APP.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), found, "private keys in the packaged service");
    }

    private static boolean isKeyFile(String name) {
        return name.endsWith(".pem") || name.endsWith(".key") || name.endsWith(".p12") || name.endsWith(".jks");
    }

    private static boolean containsPrivateKey(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("PRIVATE KEY-----");
        }
    }
}
