package org.frontline.demo;

import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.frontline.access.OfficerTokens;
import org.frontline.access.Role;
import org.frontline.api.InvalidRequestException;
import org.frontline.api.Problem;
import org.frontline.model.Clearance;
import org.frontline.model.Countries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Demo only: issues officer tokens signed with the demo key (made at demo start, {@link DemoKeys}),
 * for the service's audience, valid for 8 hours (the longest token age the service accepts). Outside
 * the demo (and test) profile the path answers 404 as any unknown path, before the request is read
 * ({@link DemoTokenGate}); production verifies tokens from a real issuer.
 */
@Path("/demo/token")
@PermitAll
public class DemoTokenResource {

    public record TokenRequest(String officerId, String agency, String country, List<String> roles, String clearance) {
    }

    public record TokenResponse(String token) {
    }

    private final boolean enabled;
    private final String issuer;
    private final String audience;

    DemoTokenResource(DemoConfig demo,
                      @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "none") String issuer,
                      @ConfigProperty(name = "mp.jwt.verify.audiences") List<String> audiences) {
        this.enabled = demo.tokenEndpoint();
        this.issuer = issuer;
        this.audience = audiences.get(0);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public TokenResponse issue(TokenRequest body) {
        if (!enabled) {
            // DemoTokenGate answers 404 before the body is read; this is the second line
            throw new jakarta.ws.rs.NotFoundException();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("(body)", "a JSON object is required")));
        }
        if (body.officerId() == null || body.officerId().isBlank() || body.officerId().length() > 64) {
            errors.add(new Problem.FieldError("officerId", "required, at most 64 characters"));
        }
        if (body.agency() == null || body.agency().isBlank() || body.agency().length() > 64) {
            errors.add(new Problem.FieldError("agency", "required, at most 64 characters"));
        }
        if (body.country() == null || !Countries.isKnown(body.country().toUpperCase(Locale.ROOT))) {
            errors.add(new Problem.FieldError("country", "an ISO 3166-1 alpha-3 code"));
        }
        Set<String> roles = new LinkedHashSet<>();
        if (body.roles() == null || body.roles().isEmpty()) {
            errors.add(new Problem.FieldError("roles", "at least one of " + List.of(Role.values())));
        } else {
            for (String role : body.roles()) {
                try {
                    roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)).name());
                } catch (IllegalArgumentException | NullPointerException e) {
                    errors.add(new Problem.FieldError("roles", "each one of " + List.of(Role.values())));
                }
            }
        }
        String clearance = body.clearance() == null ? "UNCLASSIFIED" : body.clearance().toUpperCase(Locale.ROOT);
        try {
            Clearance.valueOf(clearance);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("clearance", "one of " + List.of(Clearance.values())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(body.officerId())
                .upn(body.officerId())
                .groups(roles)
                .claim(OfficerTokens.AGENCY, body.agency())
                .claim(OfficerTokens.COUNTRY, body.country().toUpperCase(Locale.ROOT))
                .claim(OfficerTokens.CLEARANCE, clearance)
                .expiresIn(Duration.ofHours(8))
                .sign();
        return new TokenResponse(token);
    }
}
