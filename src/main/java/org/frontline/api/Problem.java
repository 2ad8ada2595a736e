package org.frontline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem. Details never echo the rejected value (it may be personal data), never name
 * a class, a query or a stack frame: they say what was wrong and how to fix it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://frontline-query.example/problems/";

    /** One thing wrong with one field. */
    public record FieldError(String field, String reason) {
    }

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, List.of());
    }

    public static Problem invalid(String instance, List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid; see errors";
        return new Problem(TYPE_BASE + "invalid-request", "Invalid request", 400, detail, instance, List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
