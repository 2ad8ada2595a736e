package org.frontline.api;

/**
 * Examples the contract shows for the endpoints around the searches (sources, ping, audit) and for
 * the refusals every endpoint shares; the search answers' own examples live beside their resource
 * (and {@link MrzExamples}, {@link CompactView}).
 */
public final class ContractExamples {

    public static final String PONG = """
            {"ok":true}""";

    public static final String SOURCES = """
            [{"id":"interpol","organisation":"INTERPOL","region":"global","kinds":["PERSON","DOCUMENT","VEHICLE"],\
            "contactPoint":"INTERPOL Command and Coordination Centre, Lyon","health":"UP","breaker":"CLOSED","pingMs":1}]""";

    public static final String AUDIT_PAGE = """
            {"records":[{"seq":1042,"occurredAt":"2026-11-28T10:15:02.114Z",\
            "queryId":"a1b2c3d4-0000-4000-8000-000000000001","officerId":"demo-officer-1","agency":"BKA",\
            "country":"DEU","roles":"OFFICER","purpose":"border control, entry","kind":"DOCUMENT",\
            "terms":{"number":"P4471902","issuingCountry":"FRA"},\
            "sources":[{"source":"interpol","status":"OK","latencyMs":4}],"outcome":"HIT","decision":"ANSWERED",\
            "requestId":null,"traceparent":null,"prevHash":"9f86d081884c7d65","hash":"60303ae22b998861"}],\
            "nextCursor":1042}""";

    public static final String VERIFICATION = """
            {"intact":true,"verified":1042,"checkpoints":1,"outcomesUnknown":0,"firstBroken":null}""";

    public static final String UNAUTHORIZED = """
            {"type":"https://frontline-query.example/problems/unauthorized","title":"Unauthorized","status":401,\
            "detail":"An officer token is required: Authorization: Bearer <token>.","instance":"/v1/sources"}""";

    public static final String FORBIDDEN = """
            {"type":"https://frontline-query.example/problems/forbidden","title":"Forbidden","status":403,\
            "detail":"Your role may not use this endpoint.","instance":"/v1/audit"}""";

    public static final String INVALID_AUDIT_QUERY = """
            {"type":"https://frontline-query.example/problems/invalid-request","title":"Invalid request","status":400,\
            "detail":"limit: between 1 and 500","instance":"/v1/audit",\
            "errors":[{"field":"limit","reason":"between 1 and 500"}]}""";

    public static final String VERIFICATION_RUNNING = """
            {"type":"https://frontline-query.example/problems/verification-running","title":"Verification running",\
            "status":503,"detail":"A verification of the audit log is already running on this instance; one runs at\
             a time. Try again later.","instance":"/v1/audit/verify"}""";

    private ContractExamples() {
    }
}
