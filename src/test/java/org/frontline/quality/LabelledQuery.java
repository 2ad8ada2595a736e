package org.frontline.quality;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One person question with its known answer.
 *
 * @param type         the kind of question ({@link QueryTypes})
 * @param name         the name as typed
 * @param dateOfBirth  {@code YYYY-MM-DD}, {@code YYYY} or null
 * @param nationality  alpha-3 or null
 * @param identity     the true identity, or -1 when nobody the sources hold is the person asked about
 * @param querySource  the source whose spelling the name is, or null
 * @param trueRecords  every record of the true identity in every source, as {@code source/recordId}
 * @param trueActions  the actions of the true identity's alerts, in every source
 */
public record LabelledQuery(String type, String name, String dateOfBirth, String nationality, long identity,
                            String querySource, Set<String> trueRecords, Set<String> trueActions) {

    public boolean hasTruth() {
        return identity >= 0;
    }

    /** The request body of {@code POST /v1/search/person}. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (dateOfBirth != null) {
            body.put("dateOfBirth", dateOfBirth);
        }
        if (nationality != null) {
            body.put("nationality", nationality);
        }
        body.put("purpose", "answer-quality measurement");
        return body;
    }
}
