package org.frontline.peers;

import java.net.URI;
import java.util.Set;

/** Load goes to this machine only: every URL a target is given must name a loopback host. */
final class Loopback {

    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private Loopback() {
    }

    static String require(String host, String what) {
        if (host == null || !HOSTS.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException(what + ": only loopback hosts are allowed (127.0.0.1, localhost, ::1), got " + host);
        }
        return host;
    }

    /** Checks the host of a URI such as http://127.0.0.1:8080/x or postgresql://127.0.0.1:5432/db. */
    static URI uri(String uri, String what) {
        URI u = URI.create(uri);
        require(u.getHost(), what);
        return u;
    }
}
