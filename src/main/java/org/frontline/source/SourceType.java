package org.frontline.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the service reaches a source ({@code frontline.sources.<id>.type}): a PostgreSQL database over
 * the reactive PostgreSQL client, a MariaDB database over the reactive MySQL client, or a partner's
 * HTTP API. Each {@link SourceSchema} is of one type; a source's configured type must be its schema's.
 */
public enum SourceType {
    POSTGRESQL(true),
    /** AIMC (issue #17 item 1): read over the reactive MySQL client. */
    MARIADB(true),
    /** ECO (issue #17 item 2): a partner's HTTP/JSON API, read over the Quarkus REST client. */
    HTTP(true);

    private final boolean supported;

    SourceType(boolean supported) {
        this.supported = supported;
    }

    /** Whether this build can reach a source of this type at all. */
    public boolean supported() {
        return supported;
    }

    /** How configuration spells it: postgresql, mariadb, http. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named in configuration (any case); an unknown name is refused with the known ones. */
    public static SourceType of(String name) {
        for (SourceType type : values()) {
            if (type.configName().equalsIgnoreCase(name.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown source type '" + name + "'; known: "
                + Arrays.stream(values()).map(SourceType::configName).collect(Collectors.joining(", ")));
    }
}
