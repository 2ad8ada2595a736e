package org.frontline.api;

/**
 * The contract's examples of POST /v1/search/mrz: a zone of each format (TD3 and TD1 are walkthrough
 * subjects of the demo, written with their check digits by {@code MrzWriter}; TD2, MRV-A and MRV-B
 * are the specimens of ICAO Doc 9303, of the fictitious state Utopia), an answer, a refusal.
 */
final class MrzExamples {

    static final String TD3 = """
            {"mrz":"P<FRAMARTIN<<CLAIRE<<<<<<<<<<<<<<<<<<<<<<<<<\\nP4471902<8FRA9003141F3006014<<<<<<<<<<<<<<<8",\
            "purpose":"border control, entry"}""";
    static final String TD1 = """
            {"mrz":"IDD<<Z0000000<5<<<<<<<<<<<<<<<\\n6408125F3107313D<<<<<<<<<<<<<0\\nMUSTERMANN<<ERIKA<<<<<<<<<<<<<",\
            "purpose":"border control, entry"}""";
    static final String TD2 = """
            {"mrz":"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\\nD231458907UTO7408122F1204159<<<<<<<6",\
            "purpose":"border control, entry","acceptInvalidCheckDigits":false}""";
    static final String MRV_A = """
            {"mrz":"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<",\
            "purpose":"visa check, entry"}""";
    static final String MRV_B = """
            {"mrz":"V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\\nL8988901C4XXX4009078F9612109<<<<<<<<",\
            "purpose":"visa check, entry"}""";

    static final String ANSWER = """
            {"queryId":"5b7e2f0a-1c3d-4e5f-8a9b-0c1d2e3f4a5b","outcome":"HIT","complete":true,"action":"SEIZE",\
            "warnings":[],"documentWarnings":[],\
            "message":"Document: HIT: SEIZE. Confirm with INTERPOL NCB Paris before acting. Holder: No hit in any of the 5 sources queried.",\
            "read":{"format":"TD3","documentCode":"P","documentType":"PASSPORT","issuer":"FRA","documentNumber":"P4471902",\
            "surname":"MARTIN","givenNames":"CLAIRE","nationality":"FRA","dateOfBirth":"1990-03-14","sex":"FEMALE",\
            "dateOfExpiry":"2030-06-01","failedCheckDigits":[]},\
            "document":{"status":"ANSWERED","answer":{"queryId":"5b7e2f0a-1c3d-4e5f-8a9b-0c1d2e3f4a5b","kind":"DOCUMENT",\
            "outcome":"HIT","complete":true,"action":"SEIZE","warnings":[],"message":"HIT: SEIZE. Confirm with INTERPOL NCB Paris before acting.",\
            "subjects":[],"moreSubjects":0,"sources":[{"source":"interpol","status":"OK","latencyMs":3,"records":1}],"elapsedMs":4}},\
            "holder":{"status":"ANSWERED","answer":{"queryId":"5b7e2f0a-1c3d-4e5f-8a9b-0c1d2e3f4a5b","kind":"PERSON",\
            "outcome":"NO_HIT","complete":true,"action":"NO_ACTION","warnings":[],"message":"No hit in any of the 5 sources queried.",\
            "subjects":[],"moreSubjects":0,"sources":[{"source":"interpol","status":"OK","latencyMs":5,"records":0}],"elapsedMs":6}},\
            "elapsedMs":6}""";

    static final String STREAM = """
            event: source
            data: {"part":"document","source":"interpol","status":"OK","latencyMs":3,"records":1}

            event: source
            data: {"part":"holder","source":"interpol","status":"OK","latencyMs":5,"records":0}

            event: answer
            data: {"queryId":"5b7e2f0a-1c3d-4e5f-8a9b-0c1d2e3f4a5b","outcome":"HIT","complete":true,"action":"SEIZE"}
            """;

    static final String CHECK_DIGIT_FAILED = """
            {"type":"https://frontline-query.example/problems/invalid-request","title":"Invalid request","status":400,\
            "detail":"2 fields are invalid; see errors","instance":"/v1/search/mrz","errors":[\
            {"field":"mrz.documentNumber","reason":"check digit failed: misread or altered document; rescan it and compare\
             the zone with the document, or ask again with acceptInvalidCheckDigits true"},\
            {"field":"mrz.composite","reason":"check digit failed: misread or altered document; rescan it and compare\
             the zone with the document, or ask again with acceptInvalidCheckDigits true"}]}""";

    private MrzExamples() {
    }
}
