package org.frontline.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than the limit with a problem document, before it is read. (A
 * chunked body that grows past the limit is cut by the HTTP layer's own limit, which is the same.)
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "16K") io.quarkus.runtime.configuration.MemorySize max) {
        this.maxBytes = max.asLongValue();
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
            if (announced > maxBytes) {
                Problem problem = Problem.of(413, "body-too-large", "Body too large",
                        "A request body may have at most " + maxBytes + " bytes.", context.request().path());
                context.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(problem));
                return;
            }
        }
        context.next();
    }
}
