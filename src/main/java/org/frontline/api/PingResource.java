package org.frontline.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The HTTP floor: an authenticated request that does nothing else. Load tests measure it beside the
 * searches, in the same run, to see what the federation itself costs on top of HTTP, JSON and the
 * token check; a client can use it to check its token and its link.
 */
@Path("/v1/ping")
@Tag(name = "sources")
@Authenticated
public class PingResource {

    public record Pong(boolean ok) {
    }

    private static final Pong PONG = new Pong(true);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ping", summary = "Checks the caller's token and link; does nothing else")
    public Pong ping() {
        return PONG;
    }
}
