package org.frontline.source;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * What a connector of type http needs to reach its partner's API: where it is, the OAuth2 client
 * credentials it fetches its tokens with, its paging bounds, and the source's own timeout (a partner's
 * {@code Retry-After} is honoured only when the wait fits in it).
 *
 * @param sourceId  the source's id (metrics, the client's user agent)
 * @param baseUri   the API's base URL, e.g. http://eco-partner.example:8443
 * @param pageSize  records asked for per page
 * @param maxPages  pages followed at most for one question
 * @param maxResponseBytes  the largest body read of one response (a page, a token): past it the read stops
 * @param timeout   the source's own timeout: what one call may take, waits included
 * @param clock     the time tokens expire by
 */
public record PartnerLink(String sourceId, URI baseUri, String clientId, String clientSecret, int pageSize,
                          int maxPages, long maxResponseBytes, Duration timeout, Clock clock) {

    public PartnerLink {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("frontline.sources." + sourceId + ".page-size must be 1..500, was " + pageSize);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("frontline.sources." + sourceId + ".max-pages must be at least 1, was " + maxPages);
        }
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("frontline.sources." + sourceId + ".max-response-bytes must be at least 1K, was "
                    + maxResponseBytes);
        }
    }

    /** The link of a configured source of type http. */
    static PartnerLink of(String id, SourcesConfig.Source settings, Clock clock) {
        String prefix = "frontline.sources." + id + ".";
        return new PartnerLink(id, URI.create(settings.url()),
                settings.clientId().orElseThrow(() -> new IllegalStateException(prefix + "client-id is required for type http")),
                settings.clientSecret().orElseThrow(() -> new IllegalStateException(prefix + "client-secret is required for type http")),
                settings.pageSize(), settings.maxPages(), settings.maxResponseBytes().asLongValue(), settings.timeout(), clock);
    }
}
