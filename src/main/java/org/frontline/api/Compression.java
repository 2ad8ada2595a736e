package org.frontline.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.Set;

/**
 * Which answers leave compressed.
 *
 * <p>{@code quarkus.http.enable-compression=true} alone compresses almost nothing: Quarkus then marks
 * every response {@code Content-Encoding: identity} (which tells Vert.x not to compress it) and lifts
 * the mark only for a REST method annotated {@code @Compressed}, a static resource or a reactive route
 * whose content type is in {@code quarkus.http.compress-media-types} (text types by default). Plain
 * Vert.x handlers such as {@code /q/openapi} are never lifted: the contract left as
 * {@code content-encoding: identity} even when asked for gzip.
 *
 * <p>This filter decides for every route in one place, when the response's headers are written: a
 * body in one of the JSON (or the contract's YAML) media types of at least
 * {@code frontline.compression.min-bytes} bytes has the mark lifted, and Vert.x then compresses it
 * with gzip or deflate if the client's {@code Accept-Encoding} asks for one. Anything else keeps it:
 * small bodies (gzip's header and dictionary would make them larger) and, above all, event streams
 * ({@code text/event-stream} has no length and must reach the officer event by event, not held back
 * in a compressor's buffer). A body without a known length (chunked) is compressed only if its media
 * type is listed, which no stream's is. Brotli is left out: Vert.x brotli needs the native brotli4j
 * library.
 */
@ApplicationScoped
public class Compression {

    /** Media types worth compressing (without parameters). */
    static final Set<String> COMPRESSED = Set.of("application/json", Problem.MEDIA_TYPE, CompactView.MEDIA_TYPE,
            "application/yaml", "application/vnd.oai.openapi", "application/vnd.oai.openapi+json");

    /** What is compressed. */
    @ConfigMapping(prefix = "frontline.compression")
    public interface Config {

        /** A body shorter than this leaves uncompressed, whatever the client accepts. */
        @WithDefault("1024")
        int minBytes();
    }

    private final int minBytes;

    Compression(Config config) {
        this.minBytes = config.minBytes();
    }

    void register(@Observes Filters filters) {
        filters.register(this::decide, 200);
    }

    private void decide(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            if (!HttpHeaders.IDENTITY.toString().equals(headers.get(HttpHeaders.CONTENT_ENCODING))) {
                return;   // not marked by Quarkus (compression off), or already encoded by its producer
            }
            if (worthCompressing(headers.get(HttpHeaders.CONTENT_TYPE), headers.get(HttpHeaders.CONTENT_LENGTH))) {
                headers.remove(HttpHeaders.CONTENT_ENCODING);
            }
        });
        context.next();
    }

    boolean worthCompressing(String contentType, String contentLength) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        if (!COMPRESSED.contains(mediaType)) {
            return false;
        }
        if (contentLength == null) {
            return true;
        }
        try {
            return Long.parseLong(contentLength.trim()) >= minBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
