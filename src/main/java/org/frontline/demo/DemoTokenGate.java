package org.frontline.demo;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.frontline.api.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Outside the demo, {@code /demo/token} does not exist: answered 404 like any unknown path before
 * anything of the request is read (no body parsing, no field list, no 405 or 415 telling that
 * something lives there). A pre-matching filter, so that it runs before the resource is matched and
 * its body deserialised.
 */
public class DemoTokenGate {

    private final boolean enabled;

    DemoTokenGate(DemoConfig demo) {
        this.enabled = demo.tokenEndpoint();
    }

    @ServerRequestFilter(preMatching = true)
    public Response hideOutsideTheDemo(ContainerRequestContext request) {
        if (enabled) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        if (path.equals("/demo/token") || path.startsWith("/demo/token/")) {
            return Problem.of(404, "not-found", "Not found", "There is nothing at this path.", path).toResponse();
        }
        return null;
    }
}
