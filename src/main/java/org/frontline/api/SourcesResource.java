package org.frontline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontline.model.QueryKind;
import org.frontline.source.Source;
import org.frontline.source.SourceRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The configured sources the caller's profile may query, with their current health. */
@Path("/v1/sources")
@Authenticated
@APIResponse(responseCode = "401", description = "No valid officer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthorized", value = ContractExamples.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The officer's role may not use this endpoint",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ContractExamples.FORBIDDEN)))
@Tag(name = "sources", description = "Which databases answer, and whether they are up")
public class SourcesResource {

    /**
     * One source as an officer or operator sees it. {@code health} UP or DOWN: whether its server answered a ping
     * (within a second; {@code pingMs} how long it took), whatever its breaker; NOT_STARTED for a source configured
     * but left out (never queried: the demo without a MariaDB for AIMC), with {@code note} saying why.
     * {@code breaker} is its circuit breaker's state: CLOSED, OPEN or HALF_OPEN (its questions are not sent while
     * OPEN), NONE for a source not started.
     */
    public record SourceView(String id, String organisation, String region, Set<QueryKind> kinds,
                             String contactPoint, String health, String breaker, long pingMs,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             @Schema(description = "Why a NOT_STARTED source is not queried; absent otherwise")
                             String note) {
    }

    /** How long the view waits for a source's ping before showing it DOWN. */
    private static final Duration PROBE = Duration.ofSeconds(1);

    private final SourceRegistry registry;
    private final org.frontline.access.AccessPolicy policy;
    private final org.eclipse.microprofile.jwt.JsonWebToken token;

    SourcesResource(SourceRegistry registry, org.frontline.access.AccessPolicy policy,
                    org.eclipse.microprofile.jwt.JsonWebToken token) {
        this.registry = registry;
        this.policy = policy;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSources", summary = "The configured sources, what they hold, who confirms their hits, and their health")
    @APIResponse(responseCode = "200", description = "Every configured source the caller may query",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SourceView.class),
                    examples = @ExampleObject(name = "sources", value = ContractExamples.SOURCES)))
    public Uni<List<SourceView>> list() {
        var grant = policy.grantFor(org.frontline.access.OfficerTokens.officer(token));
        List<Uni<SourceView>> views = registry.all().stream().filter(s -> grant.mayList(s.id())).map(this::view).toList();
        List<SourceView> notStarted = registry.notStarted().stream().filter(n -> grant.mayList(n.descriptor().id()))
                .map(n -> new SourceView(n.descriptor().id(), n.descriptor().organisation(), n.descriptor().region(),
                        n.descriptor().kinds(), n.descriptor().contactPoint(), "NOT_STARTED", "NONE", 0, n.reason()))
                .toList();
        if (views.isEmpty()) {
            return Uni.createFrom().item(notStarted);
        }
        return Uni.join().all(views).andFailFast().map(started -> {
            List<SourceView> all = new java.util.ArrayList<>(started);
            all.addAll(notStarted);
            return all;
        });
    }

    /**
     * One source's view, probed outside its breaker and bulkhead ({@link Source#probe}), as readiness is: consoles and
     * monitors poll this, and through the guard each ping was the breaker's trial call (a ping that succeeds closed a
     * half-open breaker whose questions still failed), failing pings counted towards opening it, and each took an
     * officer's place in the bulkhead. So {@code health} is whether the source's server answers, and {@code breaker}
     * whether the officers' questions are being sent to it, each as it is.
     */
    private Uni<SourceView> view(Source source) {
        return source.probe(PROBE)
                .map(probe -> {
                    CircuitBreakerState state = registry.breakerState(source);
                    return new SourceView(source.id(), source.descriptor().organisation(), source.descriptor().region(),
                            source.descriptor().kinds(), source.descriptor().contactPoint(),
                            probe.up() ? "UP" : "DOWN", state == null ? "UNKNOWN" : state.name(), probe.latencyMs(), null);
                });
    }
}
