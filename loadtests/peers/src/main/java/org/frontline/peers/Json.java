package org.frontline.peers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON through Jackson, for the driver's phase files and the report (org.frontline.peers.report):
 * records map to snake_case keys, unknown keys are ignored on reading, and both write one layout:
 * two-space indent, {@code "key": value}, an array on one line (objects inside it as blocks).
 */
public final class Json {

    /** Reads any JSON; writes records and trees in the layout above. Thread-safe once built. */
    public static final ObjectMapper MAPPER = base().build();

    /** The driver's phase files: as {@link #MAPPER}, every double rounded to 3 decimals (a microsecond in ms). */
    private static final ObjectMapper PHASE = base()
            .addModule(new SimpleModule("microseconds").addSerializer(Double.class, new Microseconds()))
            .build();

    private Json() {
    }

    /** A phase file's text: the value, doubles rounded to 3 decimals (NaN and infinities as null), then a newline. */
    public static String write(Object value) {
        try {
            return PHASE.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code s} escaped for use between the quotes of a JSON string. */
    static String escape(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPrettyPrinter(layout())
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static PrettyPrinter layout() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
    }

    private static final class Microseconds extends StdSerializer<Double> {

        Microseconds() {
            super(Double.class);
        }

        @Override
        public void serialize(Double d, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (d.isNaN() || d.isInfinite()) {
                out.writeNull();
            } else {
                out.writeNumber(Math.round(d * 1000) / 1000.0);
            }
        }
    }
}
