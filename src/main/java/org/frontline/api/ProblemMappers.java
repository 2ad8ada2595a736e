package org.frontline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Every error a client can meet, as an RFC 9457 problem. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, HttpServerRequest request) {
        return Problem.invalid(request.path(), e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        return Problem.invalid(request.path(), List.of(new Problem.FieldError(path(e),
                "unknown field; allowed: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                        .collect(Collectors.joining(", "))))).toResponse();
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, HttpServerRequest request) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return malformed(e, request);
        }
        String field = path(e);
        String expected = e.getTargetType() == null ? "another type" : simpleType(e.getTargetType());
        if (e instanceof InvalidFormatException) {
            return Problem.invalid(request.path(), List.of(new Problem.FieldError(field, "must be " + expected))).toResponse();
        }
        if (field.isEmpty()) {
            return Problem.invalid(request.path(), List.of(new Problem.FieldError("(body)",
                    "must be a JSON object"))).toResponse();
        }
        return Problem.invalid(request.path(), List.of(new Problem.FieldError(field, "must be " + expected))).toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, HttpServerRequest request) {
        return Problem.invalid(request.path(), List.of(SearchBodyReader.syntaxError(e))).toResponse();
    }

    @ServerExceptionMapper
    public Response notPermitted(Consultations.NotPermitted e, HttpServerRequest request) {
        return Problem.of(403, "not-permitted", "Not permitted", e.getMessage() + ".", request.path()).toResponse();
    }

    @ServerExceptionMapper
    public Response rateLimited(Consultations.RateLimited e, HttpServerRequest request) {
        return Response.fromResponse(Problem.of(429, "rate-limited", "Too many searches",
                        e.getMessage() != null ? e.getMessage()
                                : "Wait " + e.retryAfterSeconds() + " s before the next search.", request.path()).toResponse())
                .header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyLimit.TooLarge e, HttpServerRequest request) {
        return BodyLimit.tooLarge(e.limit, request.path()).toResponse();
    }

    @ServerExceptionMapper
    public Response tooManyTravellers(ManifestReader.TooManyTravellers e, HttpServerRequest request) {
        return Problem.of(413, "too-many-travellers", "Too many travellers", "A manifest may carry at most " + e.max
                + " travellers; send a longer flight in several manifests.", request.path()).toResponse();
    }

    @ServerExceptionMapper
    public Response auditDown(org.frontline.audit.AuditUnavailableException e, HttpServerRequest request) {
        return Response.fromResponse(Problem.of(503, "audit-unavailable", "Audit log unavailable",
                        "Every consultation must be audited before its answer is released, and the audit log cannot be"
                                + " written now. No data was released. Try again shortly.", request.path()).toResponse())
                .header("Retry-After", 5).build();
    }

    @ServerExceptionMapper
    public Response incompleteToken(org.frontline.access.OfficerTokens.IncompleteToken e, HttpServerRequest request) {
        return unauthorized(e.getMessage() + ".", request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e, HttpServerRequest request) {
        return unauthorized("An officer token is required: Authorization: Bearer <token>.", request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized("The officer token is invalid or expired.", request);
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return Problem.of(403, "forbidden", "Forbidden", "Your role may not use this endpoint.", request.path()).toResponse();
    }

    private static Response unauthorized(String detail, HttpServerRequest request) {
        return Response.fromResponse(Problem.of(401, "unauthorized", "Unauthorized", detail, request.path()).toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return Problem.of(404, "not-found", "Not found", "There is nothing at this path.", request.path()).toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        return Problem.of(405, "method-not-allowed", "Method not allowed",
                "This path does not take " + request.method().name() + ".", request.path()).toResponse();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpServerRequest request) {
        return Problem.of(415, "unsupported-media-type", "Unsupported media type",
                "Send the body as application/json.", request.path()).toResponse();
    }

    @ServerExceptionMapper(priority = 5000)
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException cause) {
            // the JSON reader wraps syntax errors (and duplicate keys): say where the body broke
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return unknownField(unknown, request);
            }
            return cause instanceof MismatchedInputException mismatch ? wrongType(mismatch, request)
                    : malformed(cause, request);
        }
        if (status >= 500) {
            LOG.errorf("request failed with status %d (%s)", status, e.getClass().getSimpleName());
            return Problem.of(status, "internal", "Internal error", "The service failed to answer; try again.",
                    request.path()).toResponse();
        }
        if (status == 406) {
            return Problem.of(406, "not-acceptable", "Not acceptable",
                    "This path answers application/json or text/event-stream.", request.path()).toResponse();
        }
        return Problem.of(status, "http-" + status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), null, request.path()).toResponse();
    }

    @ServerExceptionMapper(priority = 6000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        // never the message: it may carry query data
        LOG.errorf("unexpected %s on %s", e.getClass().getName(), request.path());
        return Problem.of(500, "internal", "Internal error", "The service failed to answer; try again.",
                request.path()).toResponse();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
