package org.frontline.cache;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
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
 * The L2 wire format of a source's answer: the list of common-model records in Smile (binary JSON,
 * with back-references for repeated names and values), component by component, nulls left out.
 * Only record components travel (no derived "is..." properties), and an unknown property fails the
 * decoding, which the cache treats as a miss: a value written by an incompatible version is never
 * half-read. The Redis keys carry a format version for the same reason.
 */
final class RecordCodec {

    /**
     * Part of every L2 key: bump it when the common model changes incompatibly. v2: person records
     * carry their name statistics; a v1 answer, read as "no statistics", would be scored otherwise
     * than the same answer fresh from its source.
     */
    static final String FORMAT = "v2";

    private final ObjectMapper mapper = SmileMapper.builder()
            .addModule(new JavaTimeModule())
            .visibility(PropertyAccessor.GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    byte[] encode(List<? extends SourceRecord> records) {
        try {
            return mapper.writeValueAsBytes(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T extends SourceRecord> List<T> decode(byte[] bytes, Class<T> type) {
        JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, type);
        try {
            List<T> records = mapper.readValue(bytes, listType);
            return List.copyOf(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
