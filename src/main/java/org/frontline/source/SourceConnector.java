package org.frontline.source;

import io.smallrye.mutiny.Uni;
import org.frontline.model.DocumentQuery;
import org.frontline.model.DocumentRecord;
import org.frontline.model.PersonRecord;
import org.frontline.model.QueryKind;
import org.frontline.model.VehicleQuery;
import org.frontline.model.VehicleRecord;

import java.util.List;
import java.util.Set;

/**
 * Reads one source's own schema and answers in the common model. One implementation per schema;
 * several sources may share a schema (and so a connector class) with different configuration.
 * Implementations never block: every call is one or two statements on the reactive pool.
 */
public interface SourceConnector {

    /** What this schema can answer. */
    Set<QueryKind> kinds();

    /**
     * Candidate persons for a name: an index-backed, deliberately generous look-up (trigrams over
     * the source's name fields and aliases); scoring happens in the engine.
     *
     * @param searchName the query name, lower case, diacritics removed, in Latin script
     * @param birthYear  the year of birth the officer gave, or null: among namesakes, those born
     *                   within a year of it (or whose year the source does not know) come first
     * @param limit      the most candidates to return
     */
    Uni<List<PersonRecord>> findPersonCandidates(String searchName, Integer birthYear, int limit);

    /** Candidates for a name alone. */
    default Uni<List<PersonRecord>> findPersonCandidates(String searchName, int limit) {
        return findPersonCandidates(searchName, null, limit);
    }

    /** Exact look-up of a document by number and issuing country (type filtered by the engine). */
    Uni<List<DocumentRecord>> findDocuments(DocumentQuery query);

    /** Exact look-up of a vehicle by plate and registration country, and/or by VIN. */
    Uni<List<VehicleRecord>> findVehicles(VehicleQuery query);

    /** A cheap round trip proving the source answers. */
    Uni<Void> ping();

    /**
     * Makes the connector ready for its first question, as the service starts (for a database, a first
     * connection; for a partner's API, its client and a first token). Called outside the source's guard: a
     * source not ready at start is not a failure its breaker hears of; the questions find out as before.
     */
    default Uni<Void> prepare() {
        return ping();
    }
}
