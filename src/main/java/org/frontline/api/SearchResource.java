package org.frontline.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontline.border.MrzAnswer;
import org.frontline.border.MrzEvent;
import org.frontline.compact.CompactAnswer;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.frontline.model.SubjectQuery;
import org.frontline.search.Answer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.frontline.access.Officer;
import org.frontline.access.OfficerTokens;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.core.HttpHeaders;

import java.time.Clock;
import java.util.Locale;

/**
 * The three questions an officer asks, and a scanned zone that asks two of them at once. Each answers with one consolidated JSON answer, or, with
 * {@code Accept: text/event-stream}, with one "source" event per source as it answers and then one
 * "answer" event; with {@code Accept: application/vnd.frontline.compact+json} (or {@code ?view=compact}),
 * with the compact answer for a weak link ({@link CompactAnswer}).
 */
@Path("/v1/search")
@Tag(name = "search", description = "Ask every source at once, get one answer")
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "401", description = "No valid officer token (a stream too: before any event)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The officer's role may not ask this kind of question (a stream"
        + " too: before any event)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Too many searches by this officer; see Retry-After (a stream too:"
        + " before any event)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The audit log cannot be written: no answer is released (a stream"
        + " too: before any event, since its consultation is recorded before it starts)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SearchResource {

    /** What a 200 says, for both media types. */
    private static final String ANSWERED = "The consolidated answer. With Accept: text/event-stream, the same question"
            + " as server-sent events: one 'source' event per source as it answers (status, latency and the number of"
            + " its records the officer may see), then one 'answer' event (the answer, once audited); an 'error' event"
            + " (a problem) instead of the answer if its audit record cannot be written. Every refusal comes before the"
            + " stream starts, with the status and problem of the JSON path.";
    private static final String STREAM_EXAMPLE = """
            event: source
            data: {"source":"interpol","status":"OK","latencyMs":4,"records":1}

            event: source
            data: {"source":"aseanapol","status":"TIMEOUT","latencyMs":800,"records":0,"detail":"no answer within 800 ms"}

            event: answer
            data: {"queryId":"3f0c9a52-6d0e-4f43-a0a4-0f5c9d1e2b11","kind":"DOCUMENT","outcome":"INCOMPLETE","complete":false}
            """;

    private final Consultations consultations;
    private final Clock clock;
    private final JsonWebToken token;
    private final HttpHeaders headers;

    SearchResource(Consultations consultations, Clock clock, JsonWebToken token, HttpHeaders headers) {
        this.consultations = consultations;
        this.clock = clock;
        this.token = token;
        this.headers = headers;
    }

    private Officer officer() {
        return OfficerTokens.officer(token);
    }

    private Consultations.Origin origin() {
        String requestId = headers.getHeaderString("X-Request-Id");
        String traceparent = headers.getHeaderString("traceparent");
        return new Consultations.Origin(requestId == null || requestId.length() > 100 ? null : requestId,
                traceparent == null || traceparent.length() > 100 ? null : traceparent);
    }

    @POST
    @Path("/person")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchPerson", summary = "Is this person known to any source?")
    @APIResponse(responseCode = "200", description = ANSWERED, content = {
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "stream", value = STREAM_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class),
                    examples = @ExampleObject(name = "answer", value = "{\"queryId\":\"3f0c9a52-6d0e-4f43-a0a4-0f5c9d1e2b11\",\"kind\":\"PERSON\",\"outcome\":\"HIT\",\"complete\":true,\"action\":\"ARREST\",\"warnings\":[\"ARMED\"],\"message\":\"HIT: ARREST. CAUTION: ARMED. Confirm with INTERPOL NCB Amman before acting.\",\"subjects\":[{\"subjectId\":\"S1\",\"match\":\"HIT\",\"score\":0.97,\"action\":\"ARREST\",\"warnings\":[\"ARMED\"],\"names\":[{\"value\":\"Mohammed Al-Rashid\",\"sources\":[\"interpol\"]},{\"value\":\"Muhammad AL RASHEED\",\"sources\":[\"europol\"]}],\"datesOfBirth\":[{\"value\":\"1983-04-12\",\"sources\":[\"interpol\",\"europol\"]}],\"nationalities\":[{\"value\":\"JOR\",\"sources\":[\"interpol\",\"europol\"]}],\"identifiers\":[],\"records\":[{\"source\":\"interpol\",\"recordId\":\"1\",\"score\":0.97,\"reasons\":[\"given name MUHAMMAD = MOHAMMED (known equivalent)\"],\"contactPoint\":\"INTERPOL NCB Amman\",\"restricted\":false,\"alerts\":[]}]}],\"sources\":[{\"source\":\"interpol\",\"status\":\"OK\",\"latencyMs\":4,\"records\":1}],\"elapsedMs\":9}")),
            @Content(mediaType = CompactView.MEDIA_TYPE, schema = @Schema(implementation = CompactAnswer.class),
                    examples = @ExampleObject(name = "compact", value = CompactView.PERSON_EXAMPLE))})
    @Parameter(name = CompactView.VIEW, in = ParameterIn.QUERY, required = false,
            description = CompactView.VIEW_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, enumeration = {"compact", "full"}))
    @APIResponse(responseCode = "400", description = "Invalid request; every field at fault is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = "{\"type\":\"https://frontline-query.example/problems/invalid-request\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"dateOfBirth: expected YYYY-MM-DD or YYYY, a real date\",\"instance\":\"/v1/search/person\",\"errors\":[{\"field\":\"dateOfBirth\",\"reason\":\"expected YYYY-MM-DD or YYYY, a real date\"}]}")))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SearchRequests.Person.class),
            examples = @ExampleObject(name = "person", value = "{\"name\":\"Muhammad Al Rasheed\",\"dateOfBirth\":\"1983-04-12\",\"nationality\":\"JOR\",\"purpose\":\"identity check at roadside\"}")))
    public Uni<Answer> person(SearchRequests.Person body) {
        return consultations.answer(officer(), RequestValidation.person(body, clock), origin());
    }

    @POST
    @Path("/person")
    @Produces(CompactView.MEDIA_TYPE)
    @Operation(hidden = true)
    public Uni<CompactAnswer> personCompact(SearchRequests.Person body) {
        return person(body).map(CompactAnswer::of);
    }

    @POST
    @Path("/person")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Uni<Void> personStream(SearchRequests.Person body, @Context SseEventSink sink, @Context Sse sse) {
        return stream(RequestValidation.person(body, clock), sink, sse);
    }

    @POST
    @Path("/document")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchDocument", summary = "Is this travel document known to any source?")
    @APIResponse(responseCode = "200", description = ANSWERED, content = {
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "stream", value = STREAM_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class),
                    examples = @ExampleObject(name = "answer", value = "{\"queryId\":\"a1b2c3d4-0000-4000-8000-000000000001\",\"kind\":\"DOCUMENT\",\"outcome\":\"NO_HIT\",\"complete\":true,\"action\":\"NO_ACTION\",\"warnings\":[],\"message\":\"No hit in any of the 5 sources queried.\",\"subjects\":[],\"sources\":[{\"source\":\"ameripol\",\"status\":\"OK\",\"latencyMs\":2,\"records\":0},{\"source\":\"aseanapol\",\"status\":\"TIMEOUT\",\"latencyMs\":800,\"records\":0,\"detail\":\"no answer within 800 ms\"}],\"elapsedMs\":5}")),
            @Content(mediaType = CompactView.MEDIA_TYPE, schema = @Schema(implementation = CompactAnswer.class),
                    examples = @ExampleObject(name = "compact", value = CompactView.DOCUMENT_EXAMPLE))})
    @Parameter(name = CompactView.VIEW, in = ParameterIn.QUERY, required = false,
            description = CompactView.VIEW_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, enumeration = {"compact", "full"}))
    @APIResponse(responseCode = "400", description = "Invalid request; every field at fault is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = "{\"type\":\"https://frontline-query.example/problems/invalid-request\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"dateOfBirth: expected YYYY-MM-DD or YYYY, a real date\",\"instance\":\"/v1/search/document\",\"errors\":[{\"field\":\"dateOfBirth\",\"reason\":\"expected YYYY-MM-DD or YYYY, a real date\"}]}")))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SearchRequests.Document.class),
            examples = @ExampleObject(name = "document", value = "{\"number\":\"P4471902\",\"issuingCountry\":\"FRA\",\"type\":\"PASSPORT\",\"purpose\":\"border control, entry\"}")))
    public Uni<Answer> document(SearchRequests.Document body) {
        return consultations.answer(officer(), RequestValidation.document(body, clock), origin());
    }

    @POST
    @Path("/document")
    @Produces(CompactView.MEDIA_TYPE)
    @Operation(hidden = true)
    public Uni<CompactAnswer> documentCompact(SearchRequests.Document body) {
        return document(body).map(CompactAnswer::of);
    }

    @POST
    @Path("/document")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Uni<Void> documentStream(SearchRequests.Document body, @Context SseEventSink sink, @Context Sse sse) {
        return stream(RequestValidation.document(body, clock), sink, sse);
    }

    @POST
    @Path("/vehicle")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchVehicle", summary = "Is this vehicle known to any source?")
    @APIResponse(responseCode = "200", description = ANSWERED, content = {
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "stream", value = STREAM_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class),
                    examples = @ExampleObject(name = "answer", value = "{\"queryId\":\"a1b2c3d4-0000-4000-8000-000000000002\",\"kind\":\"VEHICLE\",\"outcome\":\"INCOMPLETE\",\"complete\":false,\"action\":\"NO_ACTION\",\"warnings\":[],\"message\":\"INCOMPLETE, not a no-hit: Not answered: aseanapol (TIMEOUT). Ask again or contact the sources.\",\"subjects\":[],\"sources\":[{\"source\":\"aseanapol\",\"status\":\"TIMEOUT\",\"latencyMs\":800,\"records\":0,\"detail\":\"no answer within 800 ms\"}],\"elapsedMs\":801}")),
            @Content(mediaType = CompactView.MEDIA_TYPE, schema = @Schema(implementation = CompactAnswer.class),
                    examples = @ExampleObject(name = "compact", value = CompactView.VEHICLE_EXAMPLE))})
    @Parameter(name = CompactView.VIEW, in = ParameterIn.QUERY, required = false,
            description = CompactView.VIEW_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, enumeration = {"compact", "full"}))
    @APIResponse(responseCode = "400", description = "Invalid request; every field at fault is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = "{\"type\":\"https://frontline-query.example/problems/invalid-request\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"dateOfBirth: expected YYYY-MM-DD or YYYY, a real date\",\"instance\":\"/v1/search/vehicle\",\"errors\":[{\"field\":\"dateOfBirth\",\"reason\":\"expected YYYY-MM-DD or YYYY, a real date\"}]}")))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SearchRequests.Vehicle.class),
            examples = @ExampleObject(name = "vehicle", value = "{\"plate\":\"ABC1234\",\"registrationCountry\":\"BRA\",\"purpose\":\"traffic stop\"}")))
    public Uni<Answer> vehicle(SearchRequests.Vehicle body) {
        return consultations.answer(officer(), RequestValidation.vehicle(body, clock), origin());
    }

    @POST
    @Path("/vehicle")
    @Produces(CompactView.MEDIA_TYPE)
    @Operation(hidden = true)
    public Uni<CompactAnswer> vehicleCompact(SearchRequests.Vehicle body) {
        return vehicle(body).map(CompactAnswer::of);
    }

    @POST
    @Path("/vehicle")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Uni<Void> vehicleStream(SearchRequests.Vehicle body, @Context SseEventSink sink, @Context Sse sse) {
        return stream(RequestValidation.vehicle(body, clock), sink, sse);
    }

    @POST
    @Path("/mrz")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchMrz", summary = "A scanned passport, ID card or visa: are the document and its holder known?",
            description = "The machine-readable zone as the terminal scanned it (ICAO Doc 9303: TD1, TD2, TD3, MRV-A,"
                    + " MRV-B). One consultation, audited once, asks the document question (number, issuing state, type"
                    + " from the document code) and the holder question (name, date of birth, nationality, sex) at once;"
                    + " one answer carries both parts, each answered even when the other is not. An expired document, an"
                    + " accepted failed check digit and a part not searched are documentWarnings.")
    @APIResponse(responseCode = "200", description = ANSWERED + " For a zone, each 'source' event names its part"
            + " (document or holder).", content = {
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "stream", value = MrzExamples.STREAM)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MrzAnswer.class),
                    examples = @ExampleObject(name = "answer", value = MrzExamples.ANSWER)),
            @Content(mediaType = CompactView.MEDIA_TYPE, schema = @Schema(implementation = CompactAnswer.class),
                    examples = @ExampleObject(name = "compact", value = CompactView.MRZ_EXAMPLE))})
    @Parameter(name = CompactView.VIEW, in = ParameterIn.QUERY, required = false,
            description = CompactView.VIEW_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, enumeration = {"compact", "full"}))
    @APIResponse(responseCode = "400", description = "Not a machine-readable zone (every reason, with the line and"
            + " character), a failed check digit (each failed field named, mrz.documentNumber, mrz.dateOfBirth,"
            + " mrz.dateOfExpiry, mrz.optionalData, mrz.composite; never a value), or another invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "checkDigitFailed", value = MrzExamples.CHECK_DIGIT_FAILED)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SearchRequests.Mrz.class),
            examples = {
                    @ExampleObject(name = "td3", summary = "TD3 passport: the walkthrough's stolen passport",
                            value = MrzExamples.TD3),
                    @ExampleObject(name = "td1", summary = "TD1 identity card (issuer D: Germany)", value = MrzExamples.TD1),
                    @ExampleObject(name = "td2", summary = "TD2 card: the ICAO specimen", value = MrzExamples.TD2),
                    @ExampleObject(name = "mrv-a", summary = "MRV-A visa: the ICAO specimen", value = MrzExamples.MRV_A),
                    @ExampleObject(name = "mrv-b", summary = "MRV-B visa: the ICAO specimen", value = MrzExamples.MRV_B)}))
    public Uni<MrzAnswer> mrz(SearchRequests.Mrz body) {
        return consultations.answerMrz(officer(), RequestValidation.mrz(body, clock), origin());
    }

    @POST
    @Path("/mrz")
    @Produces(CompactView.MEDIA_TYPE)
    @Operation(hidden = true)
    public Uni<CompactAnswer> mrzCompact(SearchRequests.Mrz body) {
        return mrz(body).map(CompactAnswer::of);
    }

    @POST
    @Path("/mrz")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Uni<Void> mrzStream(SearchRequests.Mrz body, @Context SseEventSink sink, @Context Sse sse) {
        return consultations.streamMrz(officer(), RequestValidation.mrz(body, clock), origin())
                .invoke(events -> EventStream.pump(events, sink, sse, "/v1/search/mrz",
                        event -> event instanceof MrzEvent.SourceAnswered s
                                ? new EventStream.Named("source", s.source())
                                : new EventStream.Named("answer", ((MrzEvent.Answered) event).answer())))
                .replaceWithVoid();
    }

    /**
     * The stream's status is decided here, before anything is written: the Uni fails (and the
     * exception mappers answer 403, 429 or 503 as problem+json, as on the JSON path) until the
     * consultation is admitted and durable; only then does the 200 go out and the events follow.
     */
    private Uni<Void> stream(RequestValidation.Validated<? extends SubjectQuery> request, SseEventSink sink, Sse sse) {
        String path = "/v1/search/" + request.query().kind().name().toLowerCase(Locale.ROOT);
        return consultations.stream(officer(), request, origin())
                .invoke(events -> EventStream.pump(events, sink, sse, path))
                .replaceWithVoid();
    }
}
