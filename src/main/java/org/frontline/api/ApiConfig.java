package org.frontline.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The API's own limits ({@code frontline.api.*}). */
@ConfigMapping(prefix = "frontline.api")
public interface ApiConfig {

    /**
     * The largest search body (person, document, vehicle, MRZ), announced or chunked; larger gets 413.
     * A manifest may be as large as {@code quarkus.http.limits.max-body-size} (512K).
     */
    @WithDefault("16K")
    MemorySize maxBodySize();
}
