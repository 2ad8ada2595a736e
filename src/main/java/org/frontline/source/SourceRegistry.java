package org.frontline.source;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.frontline.model.QueryKind;
import org.frontline.model.SourceDescriptor;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds every enabled source from {@code frontline.sources.*}: its own reactive pool, its
 * connector (chosen by schema) and its guard. Pools connect lazily, so a source that is down at
 * start does not stop the service.
 */
@ApplicationScoped
public class SourceRegistry {

    private static final Logger LOG = Logger.getLogger(SourceRegistry.class);

    private final Map<String, Source> sources;
    private final List<NotStarted> notStarted = new ArrayList<>();
    private final List<Pool> pools = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final CircuitBreakerMaintenance breakers;

    @Inject
    SourceRegistry(SourcesConfig config, Vertx vertx, Clock clock, CircuitBreakerMaintenance breakers,
                   io.micrometer.core.instrument.MeterRegistry meters, io.opentelemetry.api.trace.Tracer tracer) {
        this.breakers = breakers;
        Map<String, Source> built = new LinkedHashMap<>();
        for (Map.Entry<String, SourcesConfig.Source> entry : new TreeMap<>(config.sources()).entrySet()) {
            String id = entry.getKey();
            SourcesConfig.Source settings = entry.getValue();
            if (!settings.enabled()) {
                LOG.infof("source %s is disabled%s", id, settings.notStartedBecause().map(r -> ": " + r).orElse(""));
                settings.notStartedBecause().ifPresent(reason -> notStarted.add(new NotStarted(new SourceDescriptor(id,
                        settings.organisation(), settings.region(),
                        Collections.unmodifiableSet(EnumSet.copyOf(schemaOf(id, settings.type(), settings.schema()).kinds())),
                        settings.contactPoint()), reason)));
                continue;
            }
            SourceSchema schema = schemaOf(id, settings.type(), settings.schema());
            SourceConnector connector;
            if (schema.type() == SourceType.HTTP) {
                // a partner's API: no pool; the connector's REST client holds its own connections
                connector = schema.connector(PartnerLink.of(id, settings, clock), UnreadableCodes.counted(meters, id));
            } else {
                Pool pool = pool(vertx, id, schema.type(), settings);
                pools.add(pool);
                connector = schema.connector(pool, UnreadableCodes.counted(meters, id));
            }
            if (connector instanceof AutoCloseable closeable) {
                closeables.add(closeable);
            }
            Set<QueryKind> kinds = settings.kinds()
                    .map(k -> k.stream().map(s -> QueryKind.valueOf(s.toUpperCase(Locale.ROOT)))
                            .collect(() -> EnumSet.noneOf(QueryKind.class), Set::add, Set::addAll))
                    .map(k -> (Set<QueryKind>) k)
                    .orElse(connector.kinds());
            SourceDescriptor descriptor = new SourceDescriptor(id, settings.organisation(), settings.region(),
                    Collections.unmodifiableSet(EnumSet.copyOf(kinds)), settings.contactPoint());
            built.put(id, new Source(descriptor, connector, settings.timeout(), guard(id, settings), clock, tracer));
        }
        this.sources = Collections.unmodifiableMap(built);
        for (Source source : sources.values()) {
            // 0 closed, 1 half-open, 2 open: alert on a value above 0 held for minutes
            io.micrometer.core.instrument.Gauge.builder("frontline.source.breaker.state", this,
                            r -> breakerValue(r.breakerState(source)))
                    .description("Circuit breaker of the source: 0 closed, 1 half-open, 2 open")
                    .tag("source", source.id())
                    .register(meters);
        }
        LOG.infof("%d sources configured: %s", sources.size(), sources.keySet());
    }

    /** Ready-made sources without pools or gauges: for tests of the engine with fake connectors. */
    SourceRegistry(List<Source> sources, CircuitBreakerMaintenance breakers) {
        Map<String, Source> byId = new LinkedHashMap<>();
        sources.forEach(source -> byId.put(source.id(), source));
        this.sources = Collections.unmodifiableMap(byId);
        this.breakers = breakers;
    }

    /**
     * The schema a source is read with, and a refusal to start that names the key at fault: an unknown
     * schema or type, a type this build cannot reach, or a type that is not the
     * schema's. A source is never skipped quietly: a configured source the service does not query would
     * read as a source that holds nothing.
     */
    static SourceSchema schemaOf(String id, String typeName, Optional<String> schemaName) {
        String prefix = "frontline.sources." + id + ".";
        SourceType type;
        try {
            type = SourceType.of(typeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "type: " + e.getMessage());
        }
        if (!type.supported()) {
            throw new IllegalStateException(prefix + "type: sources of type '" + type.configName()
                    + "' are not yet supported by this build (issue #17); supported: " + supportedTypes());
        }
        SourceSchema schema;
        try {
            schema = SourceSchema.of(schemaName.orElse(id));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(prefix + "schema: " + e.getMessage()
                    + (schemaName.isEmpty() ? " (the schema defaults to the source id; set " + prefix + "schema)" : ""));
        }
        if (schema.type() != type) {
            throw new IllegalStateException(prefix + "type: schema '" + schema.id() + "' is read over "
                    + schema.type().configName() + ", not " + type.configName());
        }
        return schema;
    }

    private static String supportedTypes() {
        return String.join(", ", java.util.Arrays.stream(SourceType.values()).filter(SourceType::supported)
                .map(SourceType::configName).toList());
    }

    private static Pool pool(Vertx vertx, String id, SourceType type, SourcesConfig.Source settings) {
        return type == SourceType.MARIADB ? mariaDbPool(vertx, id, settings) : postgresPool(vertx, id, settings);
    }

    /** The pool options every source shares, whatever its engine. */
    private static PoolOptions poolOptions(String id, SourcesConfig.Source settings) {
        // no pool acquire timeout: the source's own timeout bounds every call, and Vert.x 4.5's acquire
        // timer races with a failing connect ("Result is already complete")
        return new PoolOptions()
                .setName("source-" + id)
                .setShared(true)
                .setMaxSize(settings.poolSize())
                .setMaxWaitQueueSize(settings.maxConcurrency() + settings.queueSize())
                .setIdleTimeout(5)
                .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MINUTES);
    }

    /**
     * A MariaDB source's pool, over the reactive MySQL client. As for PostgreSQL, the server ends a
     * statement that outlives the source's timeout: MariaDB's {@code max_statement_time} (seconds),
     * set on each new connection before the pool hands it out.
     */
    static Pool mariaDbPool(Vertx vertx, String id, SourcesConfig.Source settings) {
        MySQLConnectOptions connect = MySQLConnectOptions.fromUri(settings.url())
                .setUser(settings.username())
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()))
                .setCachePreparedStatements(true)
                .setPipeliningLimit(64)
                .setCharset("utf8mb4")
                .setCollation("utf8mb4_unicode_ci")
                .setReconnectAttempts(0);
        settings.password().ifPresent(connect::setPassword);
        connect.setMetricsName("source-" + id);
        connect.addProperty("program_name", applicationName(id));
        String statementTimeout = "SET SESSION max_statement_time = " + maxStatementTimeSeconds(settings);
        io.vertx.sqlclient.Pool pool = MySQLBuilder.pool()
                .with(poolOptions(id, settings))
                .connectingTo(connect)
                .withConnectHandler(conn -> conn.query(statementTimeout).execute().onComplete(done -> conn.close()))
                .using(vertx.getDelegate())
                .build();
        return Pool.newInstance(pool);
    }

    /**
     * The pool of one connection on which the cache polls a MariaDB source's change table
     * ({@code org.frontline.cache.ChangePoller}): apart from the source's pool, so that polling neither
     * waits behind nor takes a place from the questions.
     */
    public static Pool changeTablePool(Vertx vertx, String id, SourcesConfig.Source settings) {
        MySQLConnectOptions connect = MySQLConnectOptions.fromUri(settings.url())
                .setUser(settings.username())
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()))
                .setReconnectAttempts(0);
        settings.password().ifPresent(connect::setPassword);
        connect.addProperty("program_name", applicationName(id) + " changes");
        return Pool.newInstance(MySQLBuilder.pool()
                .with(new PoolOptions().setName("changes-" + id).setMaxSize(1).setMaxWaitQueueSize(4))
                .connectingTo(connect)
                .using(vertx.getDelegate())
                .build());
    }

    /** MariaDB's max_statement_time for a source: its timeout in seconds (0 would mean none). */
    static String maxStatementTimeSeconds(SourcesConfig.Source settings) {
        long ms = Math.max(1, settings.timeout().toMillis());
        return java.math.BigDecimal.valueOf(ms, 3).toPlainString();
    }

    private static Pool postgresPool(Vertx vertx, String id, SourcesConfig.Source settings) {
        PgConnectOptions connect = PgConnectOptions.fromUri(settings.url())
                .setUser(settings.username())
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()))
                .setCachePreparedStatements(true)
                .setPipeliningLimit(64)
                .setReconnectAttempts(0);
        settings.password().ifPresent(connect::setPassword);
        // the server ends a statement that outlives the source's timeout: a call we gave up on (or that a caller
        // abandoned) does not hold its pooled connection, or the source's CPU and locks, beyond that timeout
        connect.addProperty("statement_timeout", Long.toString(statementTimeoutMillis(settings)));
        connect.addProperty("application_name", applicationName(id));
        // each source its own client metrics: with the default name the five pools shared one meter id and
        // Micrometer kept the first ("This Gauge has been already registered ... .queue.size"), so four
        // sources' queues were never measured
        connect.setMetricsName("source-" + id);
        return PgBuilder.pool().with(poolOptions(id, settings)).connectingTo(connect).using(vertx).build();
    }

    /** The session's statement_timeout, in milliseconds: the source's own timeout (PostgreSQL's 0 would mean none). */
    static long statementTimeoutMillis(SourcesConfig.Source settings) {
        return Math.max(1, settings.timeout().toMillis());
    }

    /** How our connections to a source show in its pg_stat_activity. */
    public static String applicationName(String sourceId) {
        return "frontline-query source-" + sourceId;
    }

    private static Guard guard(String id, SourcesConfig.Source settings) {
        SourcesConfig.Breaker breaker = settings.breaker();
        return Guard.create()
                .withDescription(Source.breakerName(id))
                .withCircuitBreaker()
                    .name(Source.breakerName(id))
                    .requestVolumeThreshold(breaker.requestVolume())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(breaker.successThreshold())
                    .done()
                .withBulkhead()
                    .limit(settings.maxConcurrency())
                    .queueSize(settings.queueSize())
                    .done()
                .build();
    }

    /** A configured source left out on purpose, and why (frontline.sources.&lt;id&gt;.not-started-because). */
    public record NotStarted(SourceDescriptor descriptor, String reason) {
    }

    /** The sources configured but not started, with their reason, in id order: never queried, only listed. */
    public List<NotStarted> notStarted() {
        return List.copyOf(notStarted);
    }

    /** Every enabled source, in id order. */
    public List<Source> all() {
        return List.copyOf(sources.values());
    }

    public Optional<Source> byId(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** The current state of a source's circuit breaker. */
    public CircuitBreakerState breakerState(Source source) {
        return breakers.currentState(source.breakerName());
    }

    private static double breakerValue(CircuitBreakerState state) {
        if (state == null) {
            return -1;
        }
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }

    /**
     * Prepares every source as the service starts ({@link Source#warmUp}: a first connection, or a partner
     * API's client and first token), so that the first officer's query does not pay for it. Outside the
     * sources' guards: a source slow or down at start is not counted against its breaker. Fire and forget: a
     * source that is down stays down without delaying the start; a question that comes before a preparation
     * has ended shares it.
     */
    void warmUp(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        for (Source source : sources.values()) {
            long start = System.nanoTime();
            source.warmUp(java.time.Duration.ofSeconds(10))
                    .subscribe().with(outcome -> LOG.infof("source %s: %s in %d ms", source.id(), outcome,
                            (System.nanoTime() - start) / 1_000_000));
        }
    }

    @PreDestroy
    void close() {
        pools.forEach(Pool::closeAndForget);
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf("closing a connector: %s", e.getClass().getSimpleName());
            }
        }
    }
}
