package org.frontline.api;

/**
 * The contract's examples of POST /v1/screen/manifest: a 3-traveller manifest (the walkthrough's
 * stolen passport, a traveller of the demo world with no record, a row the single searches would
 * refuse), as JSON and as CSV, and the lines it answers.
 */
final class ManifestExamples {

    static final String JSON = """
            {"flight":"AF1234","carrier":"AF","route":"CDG-FRA","scheduledArrival":"2026-12-04T18:30:00Z",\
            "purpose":"border control, advance passenger information","travellers":[\
            {"name":"Claire Martin","dateOfBirth":"1990-03-14","nationality":"FRA","sex":"FEMALE",\
            "documentNumber":"P4471902","issuingCountry":"FRA","documentType":"PASSPORT"},\
            {"name":"Jonas Weber","dateOfBirth":"1985-07-01","nationality":"DEU","documentNumber":"C01X00T47",\
            "issuingCountry":"DEU","documentType":"PASSPORT"},\
            {"name":"Ana Souza","dateOfBirth":"1992-13-40","nationality":"BRA"}]}""";

    static final String CSV = """
            name,dateOfBirth,nationality,sex,documentNumber,issuingCountry,documentType
            Claire Martin,1990-03-14,FRA,FEMALE,P4471902,FRA,PASSPORT
            Jonas Weber,1985-07-01,DEU,,C01X00T47,DEU,PASSPORT
            Ana Souza,1992-13-40,BRA,,,,
            """;

    static final String LINES = """
            {"type":"problem","index":2,"problem":{"type":"https://frontline-query.example/problems/invalid-request",\
            "title":"Invalid request","status":400,"detail":"dateOfBirth: expected YYYY-MM-DD or YYYY, a real date",\
            "instance":"/v1/screen/manifest","errors":[{"field":"dateOfBirth","reason":"expected YYYY-MM-DD or YYYY, a real date"}]}}
            {"type":"traveller","index":1,"sameAs":null,"answer":{"queryId":"0d6f1f38-8a52-4c11-9d0e-2b7c4f1e9a10",\
            "outcome":"NO_HIT","complete":true,"action":"NO_ACTION","warnings":[],\
            "message":"Document: No hit in any of the 5 sources queried. Holder: No hit in any of the 5 sources queried.",\
            "document":{"status":"ANSWERED","answer":{"queryId":"0d6f1f38-8a52-4c11-9d0e-2b7c4f1e9a10","kind":"DOCUMENT","outcome":"NO_HIT","complete":true,"action":"NO_ACTION","warnings":[],"message":"No hit in any of the 5 sources queried.","subjects":[],"sources":[{"source":"interpol","status":"OK","latencyMs":3,"records":0}],"elapsedMs":4}},\
            "holder":{"status":"ANSWERED","answer":{"queryId":"0d6f1f38-8a52-4c11-9d0e-2b7c4f1e9a10","kind":"PERSON","outcome":"NO_HIT","complete":true,"action":"NO_ACTION","warnings":[],"message":"No hit in any of the 5 sources queried.","subjects":[],"sources":[{"source":"interpol","status":"OK","latencyMs":5,"records":0}],"elapsedMs":6}},\
            "elapsedMs":6}}
            {"type":"traveller","index":0,"sameAs":null,"answer":{"queryId":"7a1c2e3f-4b5d-4e6f-8a9b-1c2d3e4f5a6b",\
            "outcome":"HIT","complete":true,"action":"SEIZE","warnings":[],\
            "message":"Document: HIT: SEIZE. Confirm with INTERPOL NCB Paris before acting. Holder: No hit in any of the 5 sources queried.",\
            "document":{"status":"ANSWERED","answer":{"queryId":"7a1c2e3f-4b5d-4e6f-8a9b-1c2d3e4f5a6b","kind":"DOCUMENT","outcome":"HIT","complete":true,"action":"SEIZE","warnings":[],"message":"HIT: SEIZE. Confirm with INTERPOL NCB Paris before acting.","subjects":[],"sources":[{"source":"interpol","status":"OK","latencyMs":3,"records":1}],"elapsedMs":4}},\
            "holder":{"status":"ANSWERED","answer":{"queryId":"7a1c2e3f-4b5d-4e6f-8a9b-1c2d3e4f5a6b","kind":"PERSON","outcome":"NO_HIT","complete":true,"action":"NO_ACTION","warnings":[],"message":"No hit in any of the 5 sources queried.","subjects":[],"sources":[{"source":"interpol","status":"OK","latencyMs":5,"records":0}],"elapsedMs":6}},\
            "elapsedMs":7}}
            {"type":"summary","manifestId":"c3b1d7e2-9f40-4a55-8e21-6d0f3a9b7c14","travellers":3,"answered":2,"problems":1,\
            "asked":2,"outcomes":{"HIT":1,"POSSIBLE_MATCH":0,"NO_HIT":1,"INCOMPLETE":0},"incomplete":[],"elapsedMs":41}
            """;

    static final String STREAM = """
            event: traveller
            data: {"type":"traveller","index":1,"sameAs":null,"answer":{"outcome":"NO_HIT"}}

            event: problem
            data: {"type":"problem","index":2,"problem":{"status":400,"detail":"dateOfBirth: expected YYYY-MM-DD or YYYY, a real date"}}

            event: traveller
            data: {"type":"traveller","index":0,"sameAs":null,"answer":{"outcome":"HIT","action":"SEIZE"}}

            event: summary
            data: {"type":"summary","travellers":3,"answered":2,"problems":1,"asked":2,"outcomes":{"HIT":1,"NO_HIT":1}}
            """;

    private ManifestExamples() {
    }
}
