package org.frontline.model;

import java.util.Set;

/**
 * What the service knows of a source: who runs it, where, what it holds, who confirms its hits.
 *
 * @param id           our identifier of the source (interpol, europol, ...)
 * @param organisation the organisation that owns it
 * @param region       the region it serves
 * @param kinds        what it can answer
 * @param contactPoint the default contact point that confirms a hit
 */
public record SourceDescriptor(String id, String organisation, String region, Set<QueryKind> kinds,
                               String contactPoint) {
}
