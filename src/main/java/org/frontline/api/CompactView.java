package org.frontline.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * The compact answer ({@link org.frontline.compact.CompactAnswer}) is asked for with
 * {@code Accept: application/vnd.frontline.compact+json}, or, by a client that cannot set headers
 * (a link in a message, a constrained terminal), with {@code ?view=compact} on a search: before the
 * request is matched to a method, the parameter becomes that Accept header, so that content
 * negotiation alone picks the method and there is one path to the compact answer. {@code view=full}
 * is the default answer; any other view is a 400 naming the parameter.
 */
public class CompactView {

    /** The compact answer's media type. */
    public static final String MEDIA_TYPE = "application/vnd.frontline.compact+json";
    /** The query parameter for clients that cannot set Accept. */
    public static final String VIEW = "view";

    /** What the view parameter says, in the contract. */
    static final String VIEW_DESCRIPTION = "compact: the compact answer (as Accept: " + MEDIA_TYPE + "), for"
            + " clients that cannot set headers; full (the default): as Accept says";

    /** The compact answer to the README's wanted person (the demo's answer), as the contract shows it. */
    static final String PERSON_EXAMPLE = """
            {"queryId":"3f0c9a52-6d0e-4f43-a0a4-0f5c9d1e2b11","outcome":"HIT","complete":true,"action":"ARREST",\
            "warnings":["ARMED"],"message":"HIT: ARREST. CAUTION: ARMED. Confirm with Europol Operational Centre,\
             The Hague; INTERPOL NCB Wiesbaden +49 611 55 0 before acting.",\
            "subjects":[{"name":"Muhammad AL RASHEED","dateOfBirth":"1983-04-12","match":"HIT","action":"ARREST",\
            "contactPoint":"Europol Operational Centre, The Hague","alerts":["WANTED_FOR_ARREST"]},\
            {"name":"Khaled Gamal Mahmoud Al Rasheed","dateOfBirth":"1981-12-07","match":"POSSIBLE_MATCH",\
            "action":"VERIFY_IDENTITY","contactPoint":"Kuwait Criminal Investigation, Interpol Section",\
            "alerts":["WANTED_FOR_ARREST"]},{"name":"Aisha Al Rasheed","dateOfBirth":"1993-12-06",\
            "match":"POSSIBLE_MATCH","action":"NO_ACTION","contactPoint":"GCCPOL, Abu Dhabi","alerts":[]}],\
            "moreSubjects":1}""";

    /** The compact answer to the README's stolen passport. */
    static final String DOCUMENT_EXAMPLE = """
            {"queryId":"a1b2c3d4-0000-4000-8000-000000000001","outcome":"HIT","complete":true,"action":"SEIZE",\
            "warnings":[],"message":"HIT: SEIZE. Confirm with INTERPOL NCB Paris before acting.",\
            "subjects":[{"identifier":"PASSPORT FRA P4471902","match":"HIT","action":"SEIZE",\
            "contactPoint":"INTERPOL NCB Paris","alerts":["STOLEN_DOCUMENT"]}],"moreSubjects":0}""";

    /** The compact answer to the README's stolen car. */
    static final String VEHICLE_EXAMPLE = """
            {"queryId":"a1b2c3d4-0000-4000-8000-000000000002","outcome":"HIT","complete":true,"action":"SEIZE",\
            "warnings":[],"message":"HIT: SEIZE. Confirm with Policia Federal, Brasilia - CGCI before acting.",\
            "subjects":[{"identifier":"PLATE BRA ABC1234","match":"HIT","action":"SEIZE",\
            "contactPoint":"Policia Federal, Brasilia - CGCI","alerts":["STOLEN_VEHICLE"]}],"moreSubjects":0}""";

    /** The compact answer to the README's scanned passport. */
    static final String MRZ_EXAMPLE = """
            {"queryId":"a1b2c3d4-0000-4000-8000-000000000003","outcome":"HIT","complete":true,"action":"SEIZE",\
            "warnings":[],"documentWarnings":[],"message":"Document: HIT: SEIZE. Confirm with INTERPOL NCB Paris\
             before acting. Holder: No hit in any of the 5 sources queried.",\
            "subjects":[{"identifier":"PASSPORT FRA P4471902","match":"HIT","action":"SEIZE",\
            "contactPoint":"INTERPOL NCB Paris","alerts":["STOLEN_DOCUMENT"]}],"moreSubjects":0}""";

    @ServerRequestFilter(preMatching = true)
    public void view(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/v1/search/")) {
            return;
        }
        List<String> views = request.getUriInfo().getQueryParameters().get(VIEW);
        if (views == null || views.isEmpty()) {
            return;
        }
        if (views.size() > 1 || !(views.get(0).equals("compact") || views.get(0).equals("full"))) {
            throw new InvalidRequestException(List.of(new Problem.FieldError(VIEW, "expected compact or full, once")));
        }
        if (views.get(0).equals("compact")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MEDIA_TYPE);
        }
    }
}
