package org.frontline.demo;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.frontline.audit.AuditSchema;
import org.frontline.sourcedata.Tooling;

import java.util.Set;

/**
 * The entry point. {@code seed}, {@code load} and {@code ground-truth} run the source tooling and
 * exit without starting the service, as does {@code migrate-audit} (the audit schema, as its owner
 * role: {@link AuditSchema}). In the {@code demo} profile, the demo's keys are made
 * ({@link DemoKeys}) and the embedded sources are started and seeded first: the reactive pools read their URLs when Quarkus configures them, so the
 * databases must exist before {@link Quarkus#run} (a startup observer would be too late).
 */
@QuarkusMain
public final class FrontlineMain {

    private static final Set<String> TOOLING = Set.of("seed", "load", "ground-truth");

    private FrontlineMain() {
    }

    public static void main(String... args) {
        if (args.length > 0 && TOOLING.contains(args[0])) {
            System.exit(Tooling.run(args));
        }
        if (args.length > 0 && "migrate-audit".equals(args[0])) {
            System.exit(AuditSchema.tool(args, System::getenv));
        }
        if (isDemo()) {
            DemoKeys.generate();
            DemoSources.useOwnCacheNamespace();
            DemoSources.startAndSeed();
        }
        Quarkus.run(args);
    }

    private static boolean isDemo() {
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        return profile != null && Set.of(profile.split(",")).contains("demo");
    }
}
