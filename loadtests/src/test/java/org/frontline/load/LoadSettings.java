package org.frontline.load;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.util.Locale;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The simulations' parameters, read from system properties (passed with {@code -Dname=value} on the
 * Maven command line; the Gatling plugin propagates them to the forked JVM).
 */
final class LoadSettings {

    private LoadSettings() {
    }

    static String string(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    static double decimal(String name, double fallback) {
        return Double.parseDouble(string(name, Double.toString(fallback)));
    }

    static int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)));
    }

    /** JSON in and out with the officer token, over connections the virtual users share (every simulation). */
    static HttpProtocolBuilder protocol(String baseUrl) {
        return http
                .baseUrl(baseUrl)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .authorizationHeader("Bearer " + token())
                .shareConnections();
    }

    /** The officer token every request carries (the scripts get one from the service's demo token endpoint). */
    static String token() {
        String token = string("token", "");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("-Dtoken=<officer JWT> is required: every search needs an officer token");
        }
        return token;
    }

    static long seed() {
        return Long.parseLong(string("seed", "42"));
    }

    /** The service under test, without a trailing slash. Loopback only. */
    static String baseUrl() {
        String url = string("baseUrl", "http://127.0.0.1:8080");
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        String host = java.net.URI.create(url).getHost();
        if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("baseUrl must be a loopback address (localhost, 127.x, [::1]): " + url);
        }
        return url;
    }

    static String json(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
