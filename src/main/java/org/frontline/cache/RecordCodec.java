package org.frontline.cache;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.frontline.model.SourceRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The L2 wire format of a source's answer: a two-element array, the latency the source took when
 * the answer was loaded (reported again on every hit, so that a cached answer shows the source's own
 * time, not a tell-tale 0) and the list of common-model records, in Smile (binary JSON, with
 * back-references for repeated names and values), component by component, nulls left out. Only
 * record components travel (no derived "is..." properties), and an unknown property or any other
 * shape fails the decoding, which the cache treats as a miss: a value written by an incompatible
 * version is never half-read. The Redis keys carry a format version for the same reason.
 */
final class RecordCodec {

    /**
     * Part of every L2 key: bump it when the common model or this format changes incompatibly. v2:
     * person records carry their name statistics (a v1 answer, read as "no statistics", would be
     * scored otherwise than the same answer fresh from its source); v3: the source's latency travels
     * with its answer.
     */
    static final String FORMAT = "v3";

    /** A cached answer: the records, and the latency the source took to give them. */
    record Entry<T extends SourceRecord>(List<T> records, long latencyMs) {
    }

    private final ObjectMapper mapper = SmileMapper.builder()
            .addModule(new JavaTimeModule())
            .visibility(PropertyAccessor.GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    byte[] encode(List<? extends SourceRecord> records, long latencyMs) {
        try {
            return mapper.writeValueAsBytes(new Object[] {latencyMs, records});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T extends SourceRecord> Entry<T> decode(byte[] bytes, Class<T> type) {
        JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, type);
        try (JsonParser parser = mapper.createParser(bytes)) {
            expect(parser.nextToken() == JsonToken.START_ARRAY);
            expect(parser.nextToken() == JsonToken.VALUE_NUMBER_INT);
            long latencyMs = parser.getLongValue();
            expect(parser.nextToken() == JsonToken.START_ARRAY);
            List<T> records = mapper.readValue(parser, listType);
            expect(parser.nextToken() == JsonToken.END_ARRAY);
            expect(parser.nextToken() == null);
            return new Entry<>(List.copyOf(records), latencyMs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expect(boolean shape) throws IOException {
        if (!shape) {
            throw new IOException("not a cached answer of format " + FORMAT);
        }
    }
}
