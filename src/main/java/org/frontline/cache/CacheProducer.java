package org.frontline.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.frontline.source.Source;
import org.frontline.source.SourceRegistry;
import org.frontline.source.SourceType;
import org.frontline.source.SourcesConfig;

import java.time.Clock;
import java.util.List;

/** Builds the cache from configuration and starts its change feeds and Redis link with the application. */
@ApplicationScoped
class CacheProducer {

    @Produces
    @ApplicationScoped
    SourceCache sourceCache(CacheConfig config, SourcesConfig sourcesConfig, SourceRegistry registry, Vertx vertx,
                            Redis redis, MeterRegistry meters, Clock clock) {
        if (!config.enabled()) {
            return SourceCache.disabled();
        }
        TwoTierCache cache = new TwoTierCache(config, settings(config, sourcesConfig, registry, vertx), vertx, redis, meters,
                clock, Ticker.systemTicker());
        cache.start();
        return cache;
    }

    void close(@Disposes SourceCache cache) {
        if (cache instanceof TwoTierCache twoTier) {
            twoTier.close();
        }
    }

    /** Creates the cache with the application, so the change feeds are up before the first question. */
    void onStart(@Observes StartupEvent event, SourceCache cache) {
        cache.status();
    }

    /** Closes the change feeds and the Redis link first, before the clients they use are shut down. */
    void onStop(@Observes ShutdownEvent event, SourceCache cache) {
        close(cache);
    }

    /** Each enabled source: its kinds, its TTL and where its change feed is (LISTEN, or the polled change table of a MariaDB source). */
    static List<TwoTierCache.SourceSettings> settings(CacheConfig config, SourcesConfig sourcesConfig, SourceRegistry registry,
                                                      Vertx vertx) {
        return registry.all().stream().map(Source::id).map(id -> {
            SourcesConfig.Source s = sourcesConfig.sources().get(id);
            var kinds = registry.byId(id).orElseThrow().descriptor().kinds();
            var ttl = s.cacheTtl().orElse(config.ttl());
            if (SourceType.of(s.type()) == SourceType.HTTP) {
                // a partner API: its change stream; without it (not yet, or lost) the source is not cached
                return new TwoTierCache.SourceSettings(id, kinds, TwoTierCache.Feed.stream(java.net.URI.create(s.url()),
                        s.clientId().orElse(""), s.clientSecret().orElse(""), s.timeout()), ttl);
            }
            if (SourceType.of(s.type()) == SourceType.MARIADB) {
                return new TwoTierCache.SourceSettings(id, kinds,
                        TwoTierCache.Feed.poll(() -> SourceRegistry.changeTablePool(vertx, id, s)), ttl);
            }
            PgConnectOptions listen = PgConnectOptions.fromUri(s.url())
                    .setUser(s.username())
                    .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, s.timeout().toMillis()));
            s.password().ifPresent(listen::setPassword);
            return new TwoTierCache.SourceSettings(id, kinds, listen, ttl);
        }).toList();
    }
}
