package org.frontline.demo;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The demo's keys, made at each demo start and never written anywhere: an RSA key pair that signs
 * the demo's officer tokens ({@code POST /demo/token}) and verifies them, and the key that signs the
 * audit checkpoints. No private key ships in the jar; production verifies tokens from the issuer's
 * JWKS and takes its checkpoint key from a secret. Set before Quarkus starts, as system properties
 * (which outrank application.properties); a value already given is kept.
 */
final class DemoKeys {

    private DemoKeys() {
    }

    static void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            setIfAbsent("mp.jwt.verify.publickey", pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            setIfAbsent("smallrye.jwt.sign.key", pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no RSA in this JVM", e);
        }
        byte[] checkpointKey = new byte[48];
        new SecureRandom().nextBytes(checkpointKey);
        setIfAbsent("frontline.audit.checkpoint.key", Base64.getEncoder().encodeToString(checkpointKey));
    }

    private static void setIfAbsent(String property, String value) {
        String env = property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        if (System.getProperty(property) == null && System.getenv(env) == null) {
            System.setProperty(property, value);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
