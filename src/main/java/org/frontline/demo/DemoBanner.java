package org.frontline.demo;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontline.cache.CacheConfig;
import org.jboss.logging.Logger;

/**
 * In the demo profile, says where the service listens and how to try it: commands a newcomer can paste
 * as they are (a demo officer token first, as the README does), printed once the HTTP server listens,
 * not merely once the application has started (Quarkus fires HttpServerStart asynchronously).
 */
@ApplicationScoped
class DemoBanner {

    private static final Logger LOG = Logger.getLogger(DemoBanner.class);
    /** The line before the commands; DemoFrontDoorIT runs what follows it, up to the next blank line. */
    static final String COMMANDS_FOLLOW = "Try it (a demo officer token first, then two questions):";

    void listening(@ObservesAsync HttpServerStart event, DemoConfig demo, CacheConfig cache,
                   @ConfigProperty(name = "quarkus.redis.hosts") String redis) {
        if (!ConfigUtils.getProfiles().contains("demo")) {
            return;
        }
        int port = event.options().getPort();
        LOG.infof("""

                Frontline Query demo is listening on http://localhost:%1$d
                  five regional sources in an embedded PostgreSQL, %2$d synthetic persons each (seed %3$d)
                  cache: in memory, and in the Redis at %4$s when one answers there (keys under '%5$s', this run's own)

                %6$s
                %7$s
                  contract:    http://localhost:%1$d/q/swagger-ui
                  walkthrough: README.md, "Try it"
                """, port, demo.persons(), demo.seed(), redis, cache.namespace(), COMMANDS_FOLLOW, commands(port));
    }

    /** Shell commands, indented by two spaces, ending with a blank line. */
    static String commands(int port) {
        String base = "localhost:" + port;
        return """
                  TOKEN=$(curl -s -H 'Content-Type: application/json' %1$s/demo/token \\
                    -d '{"officerId":"demo-officer-1","agency":"BKA","country":"DEU","roles":["OFFICER"],"clearance":"RESTRICTED"}' \\
                    | sed -e 's/.*"token":"\\([^"]*\\)".*/\\1/')
                  curl -s -H "Authorization: Bearer $TOKEN" %1$s/v1/sources
                  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' %1$s/v1/search/document \\
                    -d '{"number":"P4471902","issuingCountry":"FRA","purpose":"border control, entry"}'
                """.formatted(base);
    }
}
