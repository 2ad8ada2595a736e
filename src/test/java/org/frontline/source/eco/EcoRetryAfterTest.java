package org.frontline.source.eco;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The partner's Retry-After read as hostile data: whatever it says, the connector can weigh it against the
 * time the source has left (a wait too long is BUSY), never overflow on it (which would be an ERROR), and
 * nothing unreadable is taken as "ask again at once".
 */
class EcoRetryAfterTest {

    @Test
    void retryAfterIsSecondsBoundedAndNeverNegative() {
        assertEquals(Duration.ofSeconds(2), EcoConnector.retryAfter(" 2 "));
        assertEquals(Duration.ZERO, EcoConnector.retryAfter("0"));
        assertNull(EcoConnector.retryAfter(null));
        assertNull(EcoConnector.retryAfter("-5"));
        assertNull(EcoConnector.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"));
        assertNull(EcoConnector.retryAfter("99999999999999999999"));
        Duration longest = EcoConnector.retryAfter(String.valueOf(Long.MAX_VALUE));
        assertEquals(EcoConnector.LONGEST_RETRY_AFTER, longest);
        // what the connector then computes to compare the wait with the time left
        assertDoesNotThrow(() -> longest.plus(Duration.ofMillis(50)).toMillis());
    }
}
