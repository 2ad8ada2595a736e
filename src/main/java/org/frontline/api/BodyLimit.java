package org.frontline.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than its path's limit with a problem document, before it is read:
 * a manifest ({@code /v1/screen/}) may be as large as the HTTP layer takes
 * ({@code quarkus.http.limits.max-body-size}, 512K: a thousand travellers), every other body at most
 * {@code frontline.api.max-body-size} (16K). A chunked body that grows past the HTTP layer's limit is
 * cut there; a chunked search body past its own limit is refused when read ({@link SearchBodyReader}).
 */
@ApplicationScoped
public class BodyLimit {

    static final String SCREEN_PATHS = "/v1/screen/";

    private final long maxBytes;
    private final long searchMaxBytes;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "512K") MemorySize max,
              ApiConfig api) {
        this.maxBytes = max.asLongValue();
        this.searchMaxBytes = Math.min(api.maxBodySize().asLongValue(), maxBytes);
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, 100);
    }

    private void limit(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null) {
            long announced;
            try {
                announced = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                announced = -1;
            }
            long limit = context.request().path().startsWith(SCREEN_PATHS) ? maxBytes : searchMaxBytes;
            if (announced > limit) {
                Problem problem = tooLarge(limit, context.request().path());
                context.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(problem));
                return;
            }
        }
        context.next();
    }

    /** The largest search body, in bytes. */
    long searchMaxBytes() {
        return searchMaxBytes;
    }

    static Problem tooLarge(long limit, String path) {
        return Problem.of(413, "body-too-large", "Body too large", "A request body may have at most " + limit
                + " bytes.", path);
    }

    /** A chunked search body read past its limit. */
    static final class TooLarge extends RuntimeException {
        final long limit;

        TooLarge(long limit) {
            super(null, null, false, false);
            this.limit = limit;
        }
    }
}
