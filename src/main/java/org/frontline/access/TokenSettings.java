package org.frontline.access;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;

/**
 * The service does not start unless officer tokens can be verified strictly: an issuer, its key
 * (the JWKS URL, or a key), the audience tokens must be issued for, and a maximum token age. Without
 * this check a missing issuer or key would still start a service that refuses every token — or,
 * worse, one configured by default for somebody else's. There are no production defaults for the
 * issuer and its keys: each deployment names its own (k8s overlays; the demo makes its own keys).
 */
@ApplicationScoped
class TokenSettings {

    void check(@Observes StartupEvent event, Config config) {
        List<String> missing = missing(config);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("officer tokens cannot be verified: set " + String.join(", ", missing)
                    + " (README: Identity, need-to-know, audit)");
        }
    }

    static List<String> missing(Config config) {
        List<String> missing = new ArrayList<>();
        if (blank(config, "mp.jwt.verify.issuer")) {
            missing.add("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER, the issuer's name)");
        }
        if (blank(config, "mp.jwt.verify.publickey.location") && blank(config, "mp.jwt.verify.publickey")) {
            missing.add("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION, the issuer's JWKS URL)");
        }
        if (blank(config, "mp.jwt.verify.audiences")) {
            missing.add("mp.jwt.verify.audiences (MP_JWT_VERIFY_AUDIENCES)");
        }
        if (blank(config, "mp.jwt.verify.token.age")) {
            missing.add("mp.jwt.verify.token.age (MP_JWT_VERIFY_TOKEN_AGE, seconds)");
        }
        return missing;
    }

    /** Unset, empty, or Quarkus's "NONE" placeholder. */
    private static boolean blank(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(v -> v.isBlank() || "NONE".equals(v)).orElse(true);
    }
}
