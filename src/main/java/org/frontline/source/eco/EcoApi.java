package org.frontline.source.eco;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The ECO partner's API as the Quarkus REST client (reactive) calls it: built per source at run time
 * ({@code QuarkusRestClientBuilder}, base URL from {@code frontline.sources.<id>.url}), so that any number
 * of ECO-schema sources can be configured without a build-time client key each. Every method answers the
 * raw {@link Response} (the default exception mapper is off): status, {@code Retry-After} and the body are
 * read by {@link EcoConnector}, which maps each to the source's status. Questions go in POST bodies, never in
 * the URL: names and document numbers are personal data.
 */
@Path("/")
public interface EcoApi {

    /** A random id per request (no personal data), by which the connector finds the response's head. */
    String EXCHANGE = "X-Request-Id";

    /** OAuth2 client-credentials grant (RFC 6749 4.4): client id and secret in HTTP Basic. */
    @POST
    @Path("oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Multi<byte[]> token(@HeaderParam(EXCHANGE) String exchange, @HeaderParam("Authorization") String basic, @FormParam("grant_type") String grantType);

    @POST
    @Path("api/v1/subjects/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Multi<byte[]> subjects(@HeaderParam(EXCHANGE) String exchange, @HeaderParam("Authorization") String bearer, String query);

    @POST
    @Path("api/v1/documents/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Multi<byte[]> documents(@HeaderParam(EXCHANGE) String exchange, @HeaderParam("Authorization") String bearer, String query);

    @POST
    @Path("api/v1/vehicles/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Multi<byte[]> vehicles(@HeaderParam(EXCHANGE) String exchange, @HeaderParam("Authorization") String bearer, String query);

    @GET
    @Path("api/v1/status")
    @Produces(MediaType.APPLICATION_JSON)
    Multi<byte[]> status(@HeaderParam(EXCHANGE) String exchange, @HeaderParam("Authorization") String bearer);
}
