package org.frontline.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The HTTP floor: an authenticated request that does nothing else. Load tests measure it beside the
 * searches, in the same run, to see what the federation itself costs on top of HTTP, JSON and the
 * token check; a client can use it to check its token and its link.
 */
@Path("/v1/ping")
@Tag(name = "sources")
@Authenticated
@APIResponse(responseCode = "401", description = "No valid officer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthorized", value = ContractExamples.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The officer's role may not use this endpoint",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = ContractExamples.FORBIDDEN)))
public class PingResource {

    public record Pong(boolean ok) {
    }

    private static final Pong PONG = new Pong(true);

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ping", summary = "Checks the caller's token and link; does nothing else")
    @APIResponse(responseCode = "200", description = "The token is good and the link works",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pong.class),
                    examples = @ExampleObject(name = "pong", value = ContractExamples.PONG)))
    public Pong ping() {
        return PONG;
    }
}
