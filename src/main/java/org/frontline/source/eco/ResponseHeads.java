package org.frontline.source.eco;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The head of each successful partner response (status, {@code Retry-After}, declared length), kept by the
 * request's {@link EcoApi#EXCHANGE} id until the connector has read the body. The REST client streams a body as
 * chunks without its status; its response filters see the head before the first chunk is delivered, so this
 * filter is where the two meet (a status other than 2xx never gets here: the client fails the call first). The connector takes its entry when the body is read (or abandoned): nothing stays here.
 */
final class ResponseHeads implements ClientResponseFilter {

    /** What the partner's response said before its body. */
    record Head(int status, String retryAfter, long declaredLength) {
    }

    private final Map<String, Head> heads = new ConcurrentHashMap<>();

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        String exchange = request.getHeaderString(EcoApi.EXCHANGE);
        // a connection closed before any head arrived leaves the client a response without headers: nothing to keep
        // (reading it threw a NullPointerException inside the client; the call's own failure says what happened)
        if (exchange != null && response.getHeaders() != null) {
            heads.put(exchange, new Head(response.getStatus(), response.getHeaderString("Retry-After"), response.getLength()));
        }
    }

    /** The head of that exchange's response, or null when none has arrived. */
    Head peek(String exchange) {
        return heads.get(exchange);
    }

    /** The head, forgotten. */
    Head take(String exchange) {
        return heads.remove(exchange);
    }

    int size() {
        return heads.size();
    }
}
