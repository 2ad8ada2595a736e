package org.frontline.cache;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The cache as a detail of readiness, always UP: without Redis the instance answers from L1 and the
 * sources, and without a source's change feed it asks that source directly, so neither is a reason
 * to take the instance out of the load balancer. (Quarkus' own Redis check is off for that reason.)
 */
@Readiness
@ApplicationScoped
class CacheReadiness implements HealthCheck {

    private final SourceCache cache;

    CacheReadiness(SourceCache cache) {
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("cache").up();
        cache.status().forEach(builder::withData);
        return builder.build();
    }
}
