package org.frontline.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads the search bodies ({@link SearchRequests}) so that one 400 names every fault of a body at once.
 * Jackson binding stops at the first unknown field or wrong type; here the body is read as a tree first
 * (a syntax error is named with its line, column and the field it was in), then every field is checked
 * against the record: unknown fields, wrong JSON types, and, when any of those is found, the checks of
 * {@link RequestValidation} on the fields that were usable, all in the same problem. A body without
 * structural faults is bound and validated by the resource as before. Values are never echoed.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class SearchBodyReader implements MessageBodyReader<Record> {

    private final ObjectMapper json;
    private final Clock clock;
    private final BodyLimit limit;

    SearchBodyReader(ObjectMapper json, Clock clock, BodyLimit limit) {
        this.json = json;
        this.clock = clock;
        this.limit = limit;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getEnclosingClass() == SearchRequests.class;
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entity) throws IOException {
        byte[] bytes = entity.readNBytes((int) limit.searchMaxBytes() + 1);
        if (bytes.length > limit.searchMaxBytes()) {
            throw new BodyLimit.TooLarge(limit.searchMaxBytes());   // a chunked body, past the search limit
        }
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return null;   // RequestValidation: "(body): a JSON object is required"
        }
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(syntaxError(e)));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return null;
        }
        if (!tree.isObject()) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("(body)", "must be a JSON object")));
        }
        List<Problem.FieldError> faults = new ArrayList<>();
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = new TreeSet<>();
        for (RecordComponent c : components) {
            known.add(c.getName());
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                faults.add(new Problem.FieldError(name, "unknown field; allowed: " + String.join(", ", known)));
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Set<String> atFault = new HashSet<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            JsonNode value = tree.get(c.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            Object bound = bind(value, c);
            if (bound == null) {
                faults.add(new Problem.FieldError(c.getName(), "must be " + expected(c.getType())));
                atFault.add(c.getName());
            }
            values[i] = bound;
        }
        Record body = construct(type, types, values);
        if (faults.isEmpty()) {
            return body;
        }
        // the other faults of the same body: RequestValidation's, on the fields that could be read
        // (a field of the wrong type is left out: "required" would contradict "must be a string")
        for (Problem.FieldError e : validationErrors(body)) {
            if (!atFault.contains(e.field())) {
                faults.add(e);
            }
        }
        throw new InvalidRequestException(faults);
    }

    /** The value as the component's type, or null when its JSON type does not fit. */
    private Object bind(JsonNode value, RecordComponent c) {
        Class<?> type = c.getType();
        if (type == String.class) {
            return value.isTextual() ? value.textValue() : null;
        }
        if (type == Integer.class) {
            return value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : null;
        }
        try {
            return json.treeToValue(value, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class) {
            return "a whole number";
        }
        return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static Record construct(Class<Record> type, Class<?>[] types, Object[] values) {
        try {
            Constructor<Record> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** What the resource's validation would say of this body (a body kind it does not know: nothing). */
    private List<Problem.FieldError> validationErrors(Record body) {
        Map<Class<?>, Consumer<Record>> validations = Map.of(
                SearchRequests.Person.class, b -> RequestValidation.person((SearchRequests.Person) b, clock),
                SearchRequests.Document.class, b -> RequestValidation.document((SearchRequests.Document) b, clock),
                SearchRequests.Vehicle.class, b -> RequestValidation.vehicle((SearchRequests.Vehicle) b, clock));
        Consumer<Record> validation = validations.get(body.getClass());
        if (validation == null) {
            return List.of();
        }
        try {
            validation.accept(body);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
    }

    /**
     * Where the text stopped being JSON: line and column, and the field it was in when known. Jackson's
     * own message is not passed on: it may quote the offending text, which may be personal data.
     */
    static Problem.FieldError syntaxError(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String field = fieldOf(e);
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String reason;
        if (message.startsWith("Duplicate field")) {
            reason = "appears twice" + where + "; give each field once";
        } else if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
            reason = "the body ends" + where + " before its JSON is complete";
        } else if (e instanceof MismatchedInputException && message.contains("Trailing token")) {
            reason = "more text follows the JSON object" + where + "; send one object";
        } else {
            reason = "not valid JSON" + where;
        }
        return new Problem.FieldError(field == null ? "(body)" : field, reason);
    }

    /** The JSON path of the field being read when the text broke, e.g. "name"; null outside any field. */
    private static String fieldOf(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return parts.isEmpty() ? null : String.join(".", parts).replace(".[", "[");
    }
}
