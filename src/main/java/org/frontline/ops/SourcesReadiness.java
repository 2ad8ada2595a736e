package org.frontline.ops;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.frontline.source.Source;
import org.frontline.source.SourceRegistry;

import java.time.Duration;
import java.util.List;

/**
 * Reports every source's reachability and breaker as details of readiness, and stays UP: one
 * source down is what the federation is built to survive, so it must not take the instance out of
 * the load balancer. (Readiness flips for what the service cannot work without.)
 */
@Readiness
@ApplicationScoped
public class SourcesReadiness implements AsyncHealthCheck {

    private static final Duration PING = Duration.ofMillis(500);

    private final SourceRegistry registry;

    SourcesReadiness(SourceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Source> sources = registry.all();
        if (sources.isEmpty()) {
            return Uni.createFrom().item(HealthCheckResponse.named("sources").down().withData("configured", 0).build());
        }
        List<Uni<String>> pings = sources.stream()
                .map(s -> s.call(c -> c.ping(), PING).map(call -> call.ok() ? "UP" : "DOWN (" + call.status() + ")"))
                .toList();
        return Uni.join().all(pings).andFailFast().map(states -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("sources").up();
            for (int i = 0; i < sources.size(); i++) {
                Source source = sources.get(i);
                builder.withData(source.id(), states.get(i) + ", breaker " + registry.breakerState(source));
            }
            return builder.build();
        });
    }
}
