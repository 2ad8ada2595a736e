package org.frontline.sourcedata;

import org.flywaydb.core.Flyway;
import org.frontline.source.SourceSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Databases migrated before the schemas got one home (issue #17) keep working: the fq_bench_* databases
 * and deployed sources were migrated from {@code db/sources/shared} and {@code db/sources/<schema>}, and
 * Flyway must validate them against {@code db/sources/common} and {@code db/sources/<schema>}.
 *
 * <p>Two checks. The checksums of every applied script are pinned ({@code migrations/applied-checksums.tsv},
 * read from databases migrated by the layout before the move): a script of a version already shipped
 * that changes by one character fails here before it fails a deployment's validation. And a database is
 * migrated for real with the old layout (the shipped scripts laid out in the old folders, Flyway on those
 * locations, up to V7, with V2 as it was before the announcements were split: {@link #beforeSplit}),
 * then with the service's own {@link SourceSchemas#migrate}: its V2 is recognised and realigned, it takes V2.1
 * (the triggers, replaced by the same ones), V8 and V9, validates, and still announces its changes.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class MigrationLayoutTest {

    static String db(String schema) {
        return "fqtest_data_layout_" + schema;
    }

    @AfterAll
    static void drop() {
        for (String schema : SourceSchemas.TYPES) {
            TestDatabases.server().dropDatabaseIfExists(db(schema));
        }
        TestDatabases.server().dropDatabaseIfExists(db("eco"));
    }

    /** schema, version, description, script, checksum: one line per applied script. */
    static List<String> pinned() {
        try (InputStream in = MigrationLayoutTest.class.getResourceAsStream("/migrations/applied-checksums.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> history(String schema) {
        return TestDatabases.query(db(schema), "SELECT version, description, script, checksum FROM "
                        + SourceSchemas.HISTORY_TABLE + " WHERE success ORDER BY installed_rank")
                .stream().map(r -> schema + "\t" + String.join("\t", r)).toList();
    }

    /**
     * Today's scripts in the folders they had before: db/sources/shared beside db/sources/&lt;schema&gt;. Or, with
     * {@code -Dmigrations.old-layout=<dir>}, an older checkout's own db/sources (e.g. extracted by
     * {@code git archive a3165f2 src/main/resources/db/sources}): how the pinned checksums were read.
     */
    static Path oldLayout(String schema) throws IOException, URISyntaxException {
        String given = System.getProperty("migrations.old-layout");
        if (given != null) {
            return Path.of(given);
        }
        Path root = Files.createTempDirectory("fq-old-layout-");
        Path shared = Files.createDirectories(root.resolve("shared"));
        Path own = Files.createDirectories(root.resolve(schema));
        copyAll(classpathFolder("db/sources/common"), shared);
        copyAll(classpathFolder("db/sources/" + schema), own);
        // before the split, V2 was the schema's own script: the function and its triggers together
        Files.delete(shared.resolve("V2__announce_changes.sql"));
        Files.delete(own.resolve("V2_1__announce_triggers.sql"));
        Files.writeString(own.resolve("V2__announce_changes.sql"), beforeSplit(schema));
        return root;
    }

    /**
     * The schema's V2 as it was shipped before the split, put back together from what replaced it: its own
     * first line, the common function's script after its new header, two blank lines, the schema's triggers
     * without OR REPLACE. Flyway's checksum is the CRC of the lines, so the pinned checksums (and, for eco,
     * {@link SourceSchemas#ANNOUNCEMENTS_BEFORE_SPLIT}) prove it is the script shipped, line for line.
     */
    static String beforeSplit(String schema) throws IOException, URISyntaxException {
        List<String> common = Files.readAllLines(classpathFolder("db/sources/common").resolve("V2__announce_changes.sql"));
        List<String> triggers = Files.readAllLines(classpathFolder("db/sources/" + schema).resolve("V2_1__announce_triggers.sql"));
        List<String> out = new ArrayList<>();
        out.add(schema.equals("eco")
                ? "-- eco (the partner's database; the partner API turns these notifications into its change feed):"
                        + " announce every change to the services that cache this source's answers."
                : "-- " + schema + ": announce every change to the services that cache this source's answers.");
        out.addAll(common.subList(common.indexOf("--"), common.size()));
        out.add("");
        out.add("");
        int first = 0;
        while (!triggers.get(first).startsWith("CREATE OR REPLACE TRIGGER")) {
            first++;
        }
        triggers.subList(first, triggers.size()).forEach(l -> out.add(l.replace("CREATE OR REPLACE TRIGGER", "CREATE TRIGGER")));
        return String.join("\n", out) + "\n";
    }

    private static Path classpathFolder(String folder) throws URISyntaxException {
        return Path.of(MigrationLayoutTest.class.getClassLoader().getResource(folder).toURI());
    }

    private static void copyAll(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void appliedScriptsKeepTheirChecksums() {
        List<String> actual = new ArrayList<>();
        for (String schema : SourceSchemas.TYPES) {
            TestDatabases.fresh(db(schema));
            SourceSchemas.migrate(TestDatabases.url(db(schema)), TestDatabases.server().user(),
                    TestDatabases.server().password(), schema);
            actual.addAll(history(schema));
        }
        List<String> pinned = pinned();
        assertEquals(40, pinned.size(), "V1 to V8 of five schemas pinned");
        // every pinned script is applied by the new layout with the same version, description and checksum (a
        // version added later is not pinned and may follow), except V2, split since: its old checksums are the
        // ones the migration recognises, and the new V2 is one script for every schema
        for (String line : pinned) {
            String[] f = line.split("\t");
            if (f[1].equals("2")) {
                assertTrue(SourceSchemas.ANNOUNCEMENTS_BEFORE_SPLIT.contains(Integer.parseInt(f[4])),
                        "the V2 shipped before the split is recognised: " + line);
                continue;
            }
            assertTrue(actual.contains(line), "applied as before the move: " + line + "\nnow: " + actual);
        }
        List<String> commonV2 = actual.stream().filter(l -> l.split("\t")[1].equals("2"))
                .map(l -> l.substring(l.indexOf('\t') + 1)).distinct().toList();
        assertEquals(1, commonV2.size(), "one V2 for every schema: " + commonV2);
        assertEquals(SourceSchemas.TYPES.size(), actual.stream().filter(l -> l.split("\t")[1].equals("2.1")).count(),
                "each schema's own triggers");
    }

    @Test
    void aDatabaseMigratedWithTheOldLayoutValidatesAndMigrates() throws Exception {
        String user = TestDatabases.server().user();
        String password = TestDatabases.server().password();
        // the five sources, and ECO's partner database, which took the same common scripts
        List<String> schemas = new ArrayList<>(SourceSchemas.TYPES);
        schemas.add("eco");
        for (String schema : schemas) {
            String fresh = db(schema) + "_fresh";
            TestDatabases.fresh(fresh);
            SourceSchemas.migrate(TestDatabases.url(fresh), user, password, schema);
            List<List<String>> freshTriggers = announcingTriggers(fresh);
            TestDatabases.server().dropDatabaseIfExists(fresh);

            TestDatabases.fresh(db(schema));
            Path old = oldLayout(schema);
            Flyway.configure()
                    .dataSource(SourceSchemas.withTimeouts(TestDatabases.url(db(schema))), user, password)
                    .locations("filesystem:" + old.resolve("shared"), "filesystem:" + old.resolve(schema))
                    .table(SourceSchemas.HISTORY_TABLE)
                    .target("7")
                    .load().migrate();
            List<String> before = history(schema);
            before.forEach(line -> System.out.println("old layout applied\t" + line));
            assertEquals(7, before.size(), schema + ": V1 to V7 by the old layout");
            for (String line : before) {
                if (schema.equals("eco")) {
                    // not pinned (ECO came after the pinning): its V2 is the one the migration recognises
                    String[] f = line.split("\t");
                    assertTrue(!f[1].equals("2") || SourceSchemas.ANNOUNCEMENTS_BEFORE_SPLIT.contains(Integer.parseInt(f[4])),
                            "eco's V2 as shipped: " + line);
                } else {
                    assertTrue(pinned().contains(line), "the old layout applied what was shipped: " + line);
                }
            }
            assertEquals(freshTriggers, announcingTriggers(db(schema)), schema + ": the same triggers, before the split");

            SourceSchemas.migrate(TestDatabases.url(db(schema)), user, password, schema);

            List<String> after = history(schema);
            for (int i = 0; i < before.size(); i++) {
                String[] was = before.get(i).split("\t");
                String[] is = after.get(i).split("\t");
                assertEquals(List.of(was).subList(0, 4), List.of(is).subList(0, 4), schema + ": the old history is kept");
                if (!was[1].equals("2")) {
                    assertEquals(before.get(i), after.get(i), schema + ": only V2's checksum is realigned");
                }
            }
            assertEquals(List.of("2.1", "8", "9"), after.subList(before.size(), after.size()).stream()
                    .map(l -> l.split("\t")[1]).toList(), schema + ": V2.1 out of order, then V8 and V9");
            var validation = Flyway.configure()
                    .dataSource(SourceSchemas.withTimeouts(TestDatabases.url(db(schema))), user, password)
                    .locations(SourceSchema.of(schema).migrations().toArray(String[]::new))
                    .table(SourceSchemas.HISTORY_TABLE)
                    .load().validateWithResult();
            assertTrue(validation.validationSuccessful, schema + ": " + validation.getAllErrorMessages());
            assertEquals(freshTriggers, announcingTriggers(db(schema)), schema + ": the same triggers as a fresh database");
            SourceSchemas.migrate(TestDatabases.url(db(schema)), user, password, schema);
            assertEquals(after, history(schema), schema + ": migrating again changes nothing");
        }
    }

    /**
     * Only the V2 shipped before the split is realigned: a V2 whose checksum is anything else (an edited
     * script, a tampered history) still fails validation, and the migration stops.
     */
    @Test
    void anUnknownChecksumOfV2StillFailsValidation() {
        String schema = "interpol";
        TestDatabases.fresh(db(schema));
        SourceSchemas.migrate(TestDatabases.url(db(schema)), TestDatabases.server().user(),
                TestDatabases.server().password(), schema);
        TestDatabases.query(db(schema), "UPDATE " + SourceSchemas.HISTORY_TABLE
                + " SET checksum = 12345 WHERE version = '2' RETURNING version");
        var failure = org.junit.jupiter.api.Assertions.assertThrows(org.flywaydb.core.api.FlywayException.class,
                () -> SourceSchemas.migrate(TestDatabases.url(db(schema)), TestDatabases.server().user(),
                        TestDatabases.server().password(), schema));
        assertTrue(failure.getMessage().contains("checksum mismatch") || failure.getMessage().contains("Checksum"),
                failure.getMessage());
        assertEquals("12345", TestDatabases.query(db(schema), "SELECT checksum FROM " + SourceSchemas.HISTORY_TABLE
                + " WHERE version = '2'").get(0).get(0), "nothing repaired");
    }

    /** The triggers that call the announcement function: table, trigger name, definition. */
    private static List<List<String>> announcingTriggers(String db) {
        return TestDatabases.query(db, "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t"
                + " JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'frontline_announce_change' ORDER BY 1, 2");
    }
}
