package org.frontline.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The contract, linted: a real OpenAPI parser and validator (swagger-parser, the one openapi-generator
 * builds on) reads {@code openapi/frontline-query.json} with every reference resolved and reports no
 * message at all; every operation shows an example of its request (where it takes a body) and of each
 * media type of its success response; every 4xx and 5xx response is an RFC 9457 problem (the Problem
 * schema, application/problem+json). The client build (clients/java) validates it once more with the
 * generator's own validation before generating.
 */
class ContractLintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aValidatorFindsNothingToSay() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(ContractTest.CONTRACT.toUri().toString(), null, options);
        assertNotNull(result.getOpenAPI(), "the contract parses: " + result.getMessages());
        assertEquals(List.of(), result.getMessages(), "validation messages on " + ContractTest.CONTRACT);
    }

    @Test
    void everyOperationHasExamplesAndEveryErrorIsAProblem() throws Exception {
        JsonNode contract = JSON.readTree(Files.readString(ContractTest.CONTRACT));
        List<String> faults = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                operations++;
                JsonNode body = op.getValue().get("requestBody");
                if (body != null) {
                    body.get("content").fields().forEachRemaining(media -> {
                        if (!hasExample(media.getValue())) {
                            faults.add(where + ": request " + media.getKey() + " has no example");
                        }
                    });
                }
                boolean success = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().get("responses").fields(); responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    String status = response.getKey();
                    JsonNode content = response.getValue().get("content");
                    if (status.startsWith("2")) {
                        success = true;
                        if (content == null || content.isEmpty()) {
                            faults.add(where + ": " + status + " has no content");
                        } else {
                            content.fields().forEachRemaining(media -> {
                                if (!hasExample(media.getValue())) {
                                    faults.add(where + ": " + status + " " + media.getKey() + " has no example");
                                }
                            });
                        }
                    } else if (status.startsWith("4") || status.startsWith("5")) {
                        JsonNode problem = content == null ? null : content.get(Problem.MEDIA_TYPE);
                        if (problem == null || content.size() != 1
                                || !"#/components/schemas/Problem".equals(problem.path("schema").path("$ref").asText())) {
                            faults.add(where + ": " + status + " is not an application/problem+json Problem");
                        }
                    }
                }
                if (!success) {
                    faults.add(where + ": no success response");
                }
            }
        }
        assertEquals(List.of(), faults, operations + " operations");
    }

    private static boolean hasExample(JsonNode media) {
        return media.hasNonNull("example") || (media.has("examples") && !media.get("examples").isEmpty());
    }
}
