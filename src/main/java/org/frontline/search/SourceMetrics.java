package org.frontline.search;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.frontline.model.SourceStatus;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-source figures for the operator: call latency as a histogram ({@code frontline_source_latency_seconds}
 * with source and status tags) and answers by status ({@code frontline_source_answers_total}).
 */
@ApplicationScoped
public class SourceMetrics {

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    SourceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Counts every answer; times only those the source itself gave, so that cache hits (see the
     * cache's own metrics) do not hide a slow source behind 0 ms answers.
     */
    public void record(String sourceId, String kind, SourceStatus status, long latencyMs, boolean fromCache) {
        String key = sourceId + '|' + kind + '|' + status;
        counters.computeIfAbsent(key, k -> Counter.builder("frontline.source.answers")
                        .description("Answers per source, query kind and status")
                        .tag("source", sourceId).tag("kind", kind).tag("status", status.name())
                        .register(registry))
                .increment();
        if (fromCache || status == SourceStatus.NOT_PERMITTED || status == SourceStatus.NOT_APPLICABLE) {
            return;
        }
        timers.computeIfAbsent(key, k -> Timer.builder("frontline.source.latency")
                        .description("Time one source took to answer one query, or to fail")
                        .tag("source", sourceId).tag("kind", kind).tag("status", status.name())
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(10))
                        .register(registry))
                .record(Duration.ofMillis(latencyMs));
    }
}
