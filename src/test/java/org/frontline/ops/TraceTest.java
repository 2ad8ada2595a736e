package org.frontline.ops;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.frontline.testsupport.SourceDatabases;
import org.frontline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A search is one trace: the request's span continues the caller's traceparent, one child span per source. */
@QuarkusTest
@QuarkusTestResource(value = SourceDatabases.class, restrictToAnnotatedClass = false)
class TraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void oneSpanPerSourceUnderTheRequestSpanOfTheCallersTrace() throws InterruptedException {
        String traceId = "5b8efff798038103d269b633813fc60c";
        String callerSpan = "eee19b7ec3c1b174";
        TestTokens.asOfficer().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType("application/json")
                .body(Map.of("number", "TR4CE0001", "issuingCountry", "AUT", "purpose", "trace test"))
                .post("/v1/search/document").then().statusCode(200);

        List<SpanData> trace = List.of();
        for (int i = 0; i < 50; i++) {
            trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            if (trace.stream().filter(s -> s.getName().startsWith("source ")).count() >= 5
                    && trace.stream().anyMatch(s -> s.getParentSpanId().equals(callerSpan))) {
                break;
            }
            Thread.sleep(100);
        }
        SpanData server = trace.stream().filter(s -> s.getParentSpanId().equals(callerSpan)).findFirst()
                .orElseThrow(() -> new AssertionError("no span continues the caller's traceparent"));
        List<SpanData> sources = trace.stream().filter(s -> s.getName().startsWith("source ")).toList();
        assertEquals(Set.of("source ameripol", "source aseanapol", "source europol", "source gccpol", "source interpol"),
                sources.stream().map(SpanData::getName).collect(Collectors.toSet()));
        for (SpanData source : sources) {
            assertEquals(server.getSpanId(), source.getParentSpanId(), source.getName() + " is a child of the request span");
            assertEquals("OK", source.getAttributes().asMap().entrySet().stream()
                    .filter(e -> e.getKey().getKey().equals("frontline.source.status"))
                    .map(e -> e.getValue().toString()).findFirst().orElse(null));
        }
        assertTrue(server.getName().contains("/v1/search/document"), server.getName());
    }
}
