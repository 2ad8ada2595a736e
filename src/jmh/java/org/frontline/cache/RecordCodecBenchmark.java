package org.frontline.cache;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.frontline.bench.BenchData;
import org.frontline.model.PersonRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The L2 wire format of one source's answer: {@link RecordCodec} (Smile) encoding and decoding a
 * list of five person records (names, aliases, dates of birth, nationalities, one alert each, from
 * the UN triples) against a plain Jackson {@link ObjectMapper} writing and reading the same list as
 * JSON text. The reference has the codec's settings (record components only, nulls left out, unknown
 * properties fail), so the pair measures the format, not the configuration. The setup checks that
 * both round-trip the records unchanged.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RecordCodecBenchmark {

    private RecordCodec codec;
    private ObjectMapper json;
    private JavaType listType;
    private List<PersonRecord> records;
    private byte[] smileBytes;
    private byte[] jsonBytes;

    @Setup
    public void setUp() throws IOException {
        List<String[]> triples = BenchData.tsv("yente/un_triples.tsv");
        records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String[] t = triples.get(3 * i);
            records.add(BenchData.person("IP-2024-" + (1000 + i), t[3], t[4], t[5], List.of(t[0]), i % 2 == 0));
        }
        records = List.copyOf(records);
        codec = new RecordCodec();
        json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .visibility(PropertyAccessor.GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        listType = json.getTypeFactory().constructCollectionType(List.class, PersonRecord.class);
        smileBytes = codec.encode(records, 4);
        jsonBytes = json.writeValueAsBytes(records);
        if (!codec.decode(smileBytes, PersonRecord.class).records().equals(records)
                || !json.readValue(jsonBytes, listType).equals(records)) {
            throw new IllegalStateException("a codec does not round-trip the benchmark records");
        }
        System.out.printf("%n5 person records: Smile %d bytes, JSON %d bytes%n", smileBytes.length, jsonBytes.length);
    }

    @Benchmark
    public byte[] encode_ours() {
        return codec.encode(records, 4);
    }

    @Benchmark
    public byte[] encode_refJacksonJson() throws IOException {
        return json.writeValueAsBytes(records);
    }

    @Benchmark
    public List<PersonRecord> decode_ours() {
        return codec.decode(smileBytes, PersonRecord.class).records();
    }

    @Benchmark
    public List<PersonRecord> decode_refJacksonJson() throws IOException {
        return json.readValue(jsonBytes, listType);
    }
}
