package org.frontline.access;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped configuration has no issuer and no key that would let a production service start:
 * the prod profile of application.properties, as it is, lacks both (so the service refuses to start,
 * TokenSettings), and names an audience and a maximum token age.
 */
class TokenSettingsTest {

    private static SmallRyeConfig prod(Map<String, String> deployment) throws IOException {
        URL properties = TokenSettingsTest.class.getResource("/application.properties");
        try (InputStream in = properties.openStream()) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            java.util.Map<String, String> values = new java.util.HashMap<>();
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
            return new SmallRyeConfigBuilder()
                    .withProfile("prod")
                    .withSources(new PropertiesConfigSource(values, "application.properties", 250))
                    .withSources(new PropertiesConfigSource(deployment, "deployment", 400))
                    .build();
        }
    }

    @Test
    void productionWithoutAnIssuerAndItsKeysDoesNotStart() throws IOException {
        List<String> missing = TokenSettings.missing(prod(Map.of()));
        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("mp.jwt.verify.issuer"), missing.toString());
        assertTrue(missing.get(1).startsWith("mp.jwt.verify.publickey.location"), missing.toString());
    }

    @Test
    void productionWithItsIdentityProviderStarts() throws IOException {
        assertEquals(List.of(), TokenSettings.missing(prod(Map.of(
                "mp.jwt.verify.issuer", "https://idp.police.example/realms/frontline",
                "mp.jwt.verify.publickey.location", "https://idp.police.example/realms/frontline/protocol/openid-connect/certs"))));
    }
}
