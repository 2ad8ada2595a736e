package org.frontline.api;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A name's length and shape limits hold for the name as normalised, not as typed. */
class NameLimitsTest {

    /** ARABIC LIGATURE SALLALLAHOU ALAYHE WASALLAM: one character, 18 after NFKC. */
    private static final String LIGATURE = "\uFDFA";

    private static Problem.FieldError refusal(String name) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> RequestValidation.person(
                new SearchRequests.Person(name, null, null, null, "identity check", null), Clock.systemUTC()));
        assertEquals(1, e.errors().size(), e.errors().toString());
        Problem.FieldError error = e.errors().get(0);
        assertEquals("name", error.field());
        assertFalse(error.reason().contains(name) || error.reason().contains(LIGATURE), "no value echoed: " + error);
        return error;
    }

    private static void accepted(String name) {
        assertEquals(name, RequestValidation.person(new SearchRequests.Person(name, null, null, null, "identity check",
                null), Clock.systemUTC()).query().name());
    }

    @Test
    void aFewCharactersThatExpandPastTheLimitAreRefusedWithWhatToShorten() {
        String stuffed = "Ali " + LIGATURE.repeat(12); // 16 characters typed, 220 once normalised
        assertTrue(stuffed.length() < RequestValidation.MAX_NAME);
        Problem.FieldError error = refusal(stuffed);
        assertTrue(error.reason().contains("normalised") && error.reason().contains("shorten"), error.reason());
    }

    @Test
    void tooManyWordsAreRefused() {
        refusal(String.join(" ", Collections.nCopies(RequestValidation.MAX_NAME_WORDS + 1, "Ali")));
    }

    @Test
    void namesWithinTheLimitsPass() {
        accepted("a".repeat(RequestValidation.MAX_NAME));
        accepted(String.join(" ", Collections.nCopies(RequestValidation.MAX_NAME_WORDS, "Ali")));
        for (String name : List.of("Muhammad Al Rasheed", "Юрий Щербаков", "Khalid Saleh Ahmed Al-Dosari", "张伟",
                "María José de los Ángeles García-Fernández y López")) {
            accepted(name);
        }
    }
}
