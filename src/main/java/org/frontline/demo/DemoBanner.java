package org.frontline.demo;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** In the demo profile, says where the service listens and how to try it. */
@ApplicationScoped
class DemoBanner {

    private static final Logger LOG = Logger.getLogger(DemoBanner.class);

    void started(@Observes StartupEvent event, DemoConfig demo,
                 @ConfigProperty(name = "quarkus.http.port") int port) {
        if (!ConfigUtils.getProfiles().contains("demo")) {
            return;
        }
        LOG.infof("""

                Frontline Query demo is up on http://localhost:%d
                  five regional sources in an embedded PostgreSQL, %d synthetic persons each (seed %d)
                  sources:     curl -s localhost:%d/v1/sources
                  a search:    curl -s -H 'Content-Type: application/json' localhost:%d/v1/search/document \\
                                 -d '{"number":"P4471902","issuingCountry":"FRA","purpose":"demo"}'
                  contract:    http://localhost:%d/q/swagger-ui
                """, port, demo.persons(), demo.seed(), port, port, port);
    }
}
