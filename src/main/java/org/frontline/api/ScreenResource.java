package org.frontline.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontline.access.OfficerTokens;
import org.frontline.search.FederatedSearch;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A flight's passenger list, screened traveller by traveller (see {@link Screening}): JSON or CSV in,
 * one NDJSON line (or server-sent event) per traveller as each is answered, then a summary.
 */
@Path("/v1/screen/manifest")
@Tag(name = "screen", description = "Screen a whole flight's passenger list")
@Authenticated
@APIResponse(responseCode = "401", description = "No valid officer token (before any line)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The officer's role may not screen manifests (border guards and"
        + " officers may); before any line",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "The officer's manifests' budget (counted in travellers, apart from"
        + " searches) cannot cover this manifest whole; see Retry-After. Before any line, nothing screened",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The audit log cannot be written: nothing is screened (before any"
        + " line)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ScreenResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    /** What a CSV manifest may carry in its query: the flight and the purpose, never a traveller. */
    private static final Set<String> CSV_PARAMETERS = Set.of("flight", "carrier", "route", "scheduledArrival", "purpose",
            "deadlineMs");

    private final Screening screening;
    private final FederatedSearch search;
    private final ObjectMapper json;
    private final Clock clock;
    private final JsonWebToken token;
    private final HttpHeaders headers;
    private final UriInfo uri;

    ScreenResource(Screening screening, FederatedSearch search, ObjectMapper json, Clock clock, JsonWebToken token,
                   HttpHeaders headers, UriInfo uri) {
        this.screening = screening;
        this.search = search;
        this.json = json;
        this.clock = clock;
        this.token = token;
        this.headers = headers;
        this.uri = uri;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "screenManifest", summary = "Screen a flight manifest: is any traveller or document known?",
            description = "Each traveller is one consultation, audited (officer, purpose, manifest id, traveller index)"
                    + " before its line leaves, and answered as a scanned zone is: the document question and the holder"
                    + " question together. Lines come in completion order, each with the traveller's index; then one"
                    + " summary line. A row the single searches would refuse is a problem line of its own; the others"
                    + " are screened. Identical travellers are asked once (each answered and audited, sameAs naming the"
                    + " first). The same manifest may be sent as text/csv: a header row naming the traveller columns,"
                    + " the flight and purpose as query parameters (never a traveller in the URL). With Accept:"
                    + " text/event-stream the same lines are server-sent events named traveller, problem and summary.")
    @APIResponse(responseCode = "200", description = "One JSON object per line: type traveller (index, sameAs, answer),"
            + " type problem (index, problem), and last type summary.", content = {
            @Content(mediaType = NDJSON, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "lines", value = ManifestExamples.LINES)),
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "stream", value = ManifestExamples.STREAM))})
    @APIResponse(responseCode = "400", description = "The manifest as a whole is invalid (not JSON or CSV, an unknown"
            + " field or column, no purpose, no travellers); every fault named. A bad row is not a 400: it is a problem"
            + " line in the stream", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More travellers than frontline.screen.max-travellers (default"
            + " 1000), or a body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ManifestRequests.Manifest.class),
                    examples = @ExampleObject(name = "three-travellers", summary = "A 3-traveller manifest: the"
                            + " walkthrough's stolen passport, a traveller with no record, a row with an impossible date",
                            value = ManifestExamples.JSON)),
            @Content(mediaType = CSV, schema = @Schema(implementation = String.class),
                    examples = @ExampleObject(name = "three-travellers-csv", summary = "The same as CSV, with"
                            + " ?purpose=border%20control&flight=AF1234", value = ManifestExamples.CSV))})
    @Parameter(name = "purpose", in = ParameterIn.QUERY, description = "CSV only: why the officer screens this flight"
            + " (required for CSV; a JSON manifest carries it in its body)", schema = @Schema(implementation = String.class))
    @Parameter(name = "flight", in = ParameterIn.QUERY, description = "CSV only: flight number",
            schema = @Schema(implementation = String.class))
    @Parameter(name = "carrier", in = ParameterIn.QUERY, description = "CSV only: carrier",
            schema = @Schema(implementation = String.class))
    @Parameter(name = "route", in = ParameterIn.QUERY, description = "CSV only: route",
            schema = @Schema(implementation = String.class))
    @Parameter(name = "scheduledArrival", in = ParameterIn.QUERY, description = "CSV only: ISO-8601"
            + " date-time", schema = @Schema(implementation = String.class))
    @Parameter(name = "deadlineMs", in = ParameterIn.QUERY, description = "CSV only: deadline of each traveller's"
            + " questions", schema = @Schema(implementation = Integer.class))
    public Multi<ManifestLine> screenJson(byte[] body) {
        return lines(readJson(body));
    }

    @POST
    @Consumes(CSV)
    @Produces(NDJSON)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Multi<ManifestLine> screenCsv(byte[] body) {
        return lines(readCsv(body));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Uni<Void> screenJsonStream(byte[] body, @Context SseEventSink sink, @Context Sse sse) {
        return events(readJson(body), sink, sse);
    }

    @POST
    @Consumes(CSV)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Uni<Void> screenCsvStream(byte[] body, @Context SseEventSink sink, @Context Sse sse) {
        return events(readCsv(body), sink, sse);
    }

    private ManifestReader.Parsed readJson(byte[] body) {
        if (!uri.getQueryParameters().isEmpty()) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("(query)", "a JSON manifest carries its"
                    + " flight and purpose in its body; send no query parameters")));
        }
        return checked(ManifestReader.json(body, json, clock, screening.maxTravellers()));
    }

    private ManifestReader.Parsed readCsv(byte[] body) {
        Map<String, String> flight = new HashMap<>();
        List<Problem.FieldError> faults = new ArrayList<>();
        Integer deadlineMs = null;
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            if (!CSV_PARAMETERS.contains(name)) {
                faults.add(new Problem.FieldError("(query)", "a parameter that is not one of " + String.join(", ",
                        new TreeSet<>(CSV_PARAMETERS)) + "; travellers go in the body, never in the URL"));
                continue;
            }
            if (parameter.getValue().size() != 1) {
                faults.add(new Problem.FieldError(name, "give it once"));
                continue;
            }
            String value = parameter.getValue().get(0);
            if (name.equals("deadlineMs")) {
                try {
                    deadlineMs = Integer.valueOf(value.trim());
                } catch (NumberFormatException e) {
                    faults.add(new Problem.FieldError(name, "must be a whole number"));
                }
            } else {
                flight.put(name, value);
            }
        }
        if (!faults.isEmpty()) {
            throw new InvalidRequestException(faults);
        }
        return checked(ManifestReader.csv(body, flight, deadlineMs, clock, screening.maxTravellers()));
    }

    private ManifestReader.Parsed checked(ManifestReader.Parsed manifest) {
        RequestValidation.requireDeadlineAtLeast(manifest.flight(), search.minDeadline());
        return manifest;
    }

    private Consultations.Origin origin() {
        String requestId = headers.getHeaderString("X-Request-Id");
        String traceparent = headers.getHeaderString("traceparent");
        return new Consultations.Origin(requestId == null || requestId.length() > 100 ? null : requestId,
                traceparent == null || traceparent.length() > 100 ? null : traceparent);
    }

    /**
     * The lines, once the manifest is admitted: until then nothing is written, so a refusal (403, 429,
     * 503) fails the stream before its first item and goes out with its status as a problem.
     */
    private Multi<ManifestLine> lines(ManifestReader.Parsed manifest) {
        return Multi.createFrom().uni(screening.screen(OfficerTokens.officer(token), manifest, origin()))
                .onItem().transformToMultiAndConcatenate(lines -> lines);
    }

    private Uni<Void> events(ManifestReader.Parsed manifest, SseEventSink sink, Sse sse) {
        return screening.screen(OfficerTokens.officer(token), manifest, origin())
                .invoke(lines -> EventStream.pump(lines, sink, sse, Screening.PATH,
                        line -> new EventStream.Named(line.type(), line)))
                .replaceWithVoid();
    }
}
