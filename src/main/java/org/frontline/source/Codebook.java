package org.frontline.source;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A two-way table between one common-model enum and one source's own codes (notice colours,
 * measures, hazard flags...). Most entries map both ways; a source that has no exact equivalent for
 * a common value gets a one-way "write" entry (the nearest code it has), and a source with two codes
 * for one common value gets a one-way "read" entry for the second. Unknown values fail with the
 * value named in the message on the write path; the read path ({@link #valueOr}, {@link #readAll}) never
 * throws, so that a source holding a code we do not know still answers.
 */
public final class Codebook<E extends Enum<E>> {

    private final String name;
    private final Map<E, String> toCode;
    private final Map<String, E> toValue;
    private final Map<String, E> toValueIgnoringCase;

    private Codebook(String name, Map<E, String> toCode, Map<String, E> toValue) {
        this.name = name;
        this.toCode = toCode;
        this.toValue = toValue;
        Map<String, E> folded = new LinkedHashMap<>();
        toValue.forEach((code, value) -> {
            E previous = folded.putIfAbsent(code.toUpperCase(Locale.ROOT), value);
            if (previous != null && previous != value) {
                throw new IllegalArgumentException(name + ": code " + code + " differs from another only in case");
            }
        });
        this.toValueIgnoringCase = Collections.unmodifiableMap(folded);
    }

    public static <E extends Enum<E>> Builder<E> of(String name, Class<E> type) {
        return new Builder<>(name, type);
    }

    /** The source's code for a common value. */
    public String code(E value) {
        String code = toCode.get(value);
        if (code == null) {
            throw new IllegalArgumentException(name + " has no code for " + value);
        }
        return code;
    }

    /** Whether {@link #code} accepts the value. */
    public boolean canWrite(E value) {
        return toCode.containsKey(value);
    }

    /** The common value of a source code (exact, case-sensitive as the source stores it). */
    public E value(String code) {
        E value = code == null ? null : toValue.get(code);
        if (value == null) {
            throw new IllegalArgumentException("unknown " + name + " code '" + code + "'");
        }
        return value;
    }

    /**
     * Read path: the common value of a source code (exact, as {@link #value}), or {@code fallback} when
     * the code is null or one this codebook does not know. Never throws.
     */
    public E valueOr(String code, E fallback) {
        E value = code == null ? null : toValue.get(code);
        return value == null ? fallback : value;
    }

    /**
     * Read path: the values of a list of codes (a TEXT[] or a split text column), each trimmed and
     * matched ignoring case, in order and each once; codes this codebook does not know are dropped.
     * Never throws.
     */
    public List<E> readAll(Collection<String> codes) {
        if (codes == null) {
            return List.of();
        }
        return codes.stream()
                .filter(Objects::nonNull)
                .map(c -> toValueIgnoringCase.get(c.trim().toUpperCase(Locale.ROOT)))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /** Every code the source uses, in declaration order. */
    public Set<String> codes() {
        return Collections.unmodifiableSet(toValue.keySet());
    }

    /** Codes for a list of values, skipping the values this source cannot express. */
    public List<String> codesOf(List<E> values) {
        return values.stream().filter(toCode::containsKey).map(toCode::get).distinct().toList();
    }

    /** Values of a list of codes. */
    /** A value as it reads back from this source once written: the value of the code it is written as. */
    public E readBack(E value) {
        return value(code(value));
    }

    /** Values as they read back from this source once written ({@link #readBack}), in order. */
    public List<E> readBackAll(List<E> values) {
        return valuesOf(codesOf(values));
    }

    public List<E> valuesOf(List<String> codes) {
        return codes.stream().map(this::value).distinct().toList();
    }

    public static final class Builder<E extends Enum<E>> {
        private final String name;
        private final Map<E, String> toCode;
        private final Map<String, E> toValue = new LinkedHashMap<>();

        private Builder(String name, Class<E> type) {
            this.name = name;
            this.toCode = new EnumMap<>(type);
        }

        /** value <-> code, both directions. */
        public Builder<E> both(E value, String code) {
            write(value, code);
            return read(code, value);
        }

        /** code -> value only (a second source code for a common value). */
        public Builder<E> read(String code, E value) {
            if (toValue.putIfAbsent(code, value) != null) {
                throw new IllegalArgumentException(name + ": code " + code + " mapped twice");
            }
            return this;
        }

        /** value -> code only (the nearest code the source has). */
        public Builder<E> write(E value, String code) {
            if (toCode.putIfAbsent(value, code) != null) {
                throw new IllegalArgumentException(name + ": value " + value + " mapped twice");
            }
            return this;
        }

        public Codebook<E> build() {
            for (String code : toCode.values()) {
                if (!toValue.containsKey(code)) {
                    throw new IllegalArgumentException(name + ": code " + code + " is written but never read");
                }
            }
            return new Codebook<>(name, Map.copyOf(toCode), Collections.unmodifiableMap(new LinkedHashMap<>(toValue)));
        }
    }
}
