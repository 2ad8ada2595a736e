package org.frontline.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontline.model.SubjectQuery;
import org.frontline.search.Answer;
import org.frontline.search.FederatedSearch;
import org.frontline.search.SearchEvent;

import java.time.Clock;

/**
 * The three questions an officer asks. Each answers with one consolidated JSON answer, or, with
 * {@code Accept: text/event-stream}, with one "source" event per source as it answers and then one
 * "answer" event.
 */
@Path("/v1/search")
@Tag(name = "search", description = "Ask every source at once, get one answer")
@Consumes(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final FederatedSearch search;
    private final Clock clock;

    SearchResource(FederatedSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @POST
    @Path("/person")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchPerson", summary = "Is this person known to any source?")
    @APIResponse(responseCode = "200", description = "The consolidated answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; every field at fault is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Answer> person(SearchRequests.Person body) {
        var request = RequestValidation.person(body, clock);
        return search.search(request.query(), request.deadline(), null);
    }

    @POST
    @Path("/person")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> personStream(SearchRequests.Person body, @Context Sse sse) {
        var request = RequestValidation.person(body, clock);
        return stream(request.query(), request, sse);
    }

    @POST
    @Path("/document")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchDocument", summary = "Is this travel document known to any source?")
    @APIResponse(responseCode = "200", description = "The consolidated answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; every field at fault is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Answer> document(SearchRequests.Document body) {
        var request = RequestValidation.document(body, clock);
        return search.search(request.query(), request.deadline(), null);
    }

    @POST
    @Path("/document")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> documentStream(SearchRequests.Document body, @Context Sse sse) {
        var request = RequestValidation.document(body, clock);
        return stream(request.query(), request, sse);
    }

    @POST
    @Path("/vehicle")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchVehicle", summary = "Is this vehicle known to any source?")
    @APIResponse(responseCode = "200", description = "The consolidated answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; every field at fault is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Answer> vehicle(SearchRequests.Vehicle body) {
        var request = RequestValidation.vehicle(body, clock);
        return search.search(request.query(), request.deadline(), null);
    }

    @POST
    @Path("/vehicle")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> vehicleStream(SearchRequests.Vehicle body, @Context Sse sse) {
        var request = RequestValidation.vehicle(body, clock);
        return stream(request.query(), request, sse);
    }

    private Multi<OutboundSseEvent> stream(SubjectQuery query, RequestValidation.Validated<?> request, Sse sse) {
        return search.stream(query, request.deadline(), null)
                .map(event -> {
                    if (event instanceof SearchEvent.SourceAnswered s) {
                        return sse.newEventBuilder().name("source").mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(s.source()).build();
                    }
                    return sse.newEventBuilder().name("answer").mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(((SearchEvent.Consolidated) event).answer()).build();
                });
    }
}
