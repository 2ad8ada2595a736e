package org.frontline.source;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The regional sources, one entry per source under {@code frontline.sources.<id>}. Adding a source
 * whose schema we already know is configuration only; every key can be set by environment variable
 * ({@code FRONTLINE_SOURCES_<ID>_URL} and so on).
 */
@ConfigMapping(prefix = "frontline")
public interface SourcesConfig {

    /** The sources by id. */
    Map<String, Source> sources();

    interface Source {

        /** How it is reached: postgresql, mariadb (reactive MySQL client) or http (a partner's API, Quarkus REST client). */
        @WithDefault("postgresql")
        String type();

        /** Its layout, one of {@link SourceSchema}: interpol, europol, ameripol, aseanapol, gccpol, aimc or eco. Defaults to the source id. */
        Optional<String> schema();

        /** Whether the service queries it at all. */
        @WithDefault("true")
        boolean enabled();

        /**
         * With {@code enabled=false}: why the source was left out, for {@code /v1/sources} to say so (the demo
         * sets it when no MariaDB answers for AIMC). A disabled source without it is not listed at all.
         */
        @WithName("not-started-because")
        Optional<String> notStartedBecause();

        /** The organisation that owns the source. */
        String organisation();

        /** The region it serves. */
        @WithDefault("global")
        String region();

        /** The contact point that confirms a hit when a record names none. */
        @WithName("contact-point")
        String contactPoint();

        /** Reactive connection URL, e.g. postgresql://db.example:5432/interpol; for type http the API's base URL. */
        String url();

        /** Type http: the OAuth2 client id we fetch bearer tokens with (client-credentials grant). */
        @WithName("client-id")
        Optional<String> clientId();

        /** Type http: the OAuth2 client secret (from a secret; never committed). */
        @WithName("client-secret")
        Optional<String> clientSecret();

        /** Type http: records asked for per page. */
        @WithName("page-size")
        @WithDefault("25")
        int pageSize();

        /** Type http: pages followed at most for one question; an answer with more is cut there (the best first). */
        @WithName("max-pages")
        @WithDefault("4")
        int maxPages();

        /**
         * Type http: the largest body read of one partner response (a page, a token), counted while it is read;
         * a larger one ends the read and makes the call the source's ERROR. 1M: a page of the partner's largest
         * (100 records of a few hundred bytes to a few KB) is well under it, and the bulkhead's calls in flight,
         * each holding at most this much (and its decoded copies), fit in the heap.
         */
        @WithName("max-response-bytes")
        @WithDefault("1M")
        MemorySize maxResponseBytes();

        /** Database user. */
        @WithDefault("postgres")
        String username();

        /** Database password (from a secret; never committed). */
        Optional<String> password();

        /** Time allowed to one call to this source; always cut to the request's remaining deadline. */
        @WithDefault("800ms")
        Duration timeout();

        /** Bulkhead: calls in flight at once; more wait in a short queue, then are refused (BUSY). */
        @WithName("max-concurrency")
        @WithDefault("32")
        int maxConcurrency();

        /** Bulkhead queue: calls that may wait for a place before being refused. */
        @WithName("queue-size")
        @WithDefault("64")
        int queueSize();

        /** Connections in this source's pool. */
        @WithName("pool-size")
        @WithDefault("8")
        int poolSize();

        /** What the source may be asked about; empty: everything its schema holds. */
        Optional<Set<String>> kinds();

        /** Safety-net lifetime of this source's cached answers; default frontline.cache.ttl. */
        @WithName("cache-ttl")
        Optional<Duration> cacheTtl();

        /** Circuit breaker of this source. */
        Breaker breaker();
    }

    interface Breaker {
        /** Calls in the rolling window the breaker judges. */
        @WithName("request-volume")
        @WithDefault("10")
        int requestVolume();

        /** Share of failed calls in the window that opens the breaker. */
        @WithName("failure-ratio")
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting a trial call through. */
        @WithDefault("5s")
        Duration delay();

        /** Successful trial calls that close it again. */
        @WithName("success-threshold")
        @WithDefault("1")
        int successThreshold();
    }
}
