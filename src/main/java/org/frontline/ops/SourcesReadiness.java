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
 *
 * <h2>Why the probe goes around the source's guard</h2>
 * Each source is probed with {@link Source#probe}, outside its circuit breaker and bulkhead, never
 * with {@link Source#call}. The breaker is there to judge the officers' questions, and a ping is not
 * one: a {@code SELECT 1} that succeeds says the server answers, not that the questions do. Through
 * the guard, readiness probes (every few seconds, from every kubelet and monitor) were the breaker's
 * trial calls: one successful ping closed a half-open breaker whose questions still failed (a table
 * gone, a permission revoked), sending the frontline's questions back to a broken source; failing
 * pings could open the breaker of a source whose questions worked; and each probe took a place in the
 * bulkhead that an officer's question should have had. So the probe changes nothing and the breaker's
 * state is reported beside it as it is: "UP, breaker OPEN" is a source whose server answers while its
 * questions are not being sent.
 *
 * <p>Each probe is bounded (500 ms), and a probe asked for while the same source's
 * ping is still on its way waits for that ping instead of sending another, so a source that hangs
 * does not collect one stuck ping per readiness request.
 */
@Readiness
@ApplicationScoped
public class SourcesReadiness implements AsyncHealthCheck {

    private static final Duration PROBE = Duration.ofMillis(500);

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
        List<Uni<Source.Probe>> probes = sources.stream().map(s -> s.probe(PROBE)).toList();
        return Uni.join().all(probes).andFailFast().map(found -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("sources").up();
            for (int i = 0; i < sources.size(); i++) {
                Source source = sources.get(i);
                builder.withData(source.id(), found.get(i).state() + ", breaker " + registry.breakerState(source));
            }
            return builder.build();
        });
    }
}
