package org.frontline.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Answers about people must not sit in any cache between the service and the officer. */
public class ResponseHeaders {

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getPath().startsWith("/v1/")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
