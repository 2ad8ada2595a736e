package org.frontline.source.eco;

import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import java.net.SocketException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures ECO's connector asks again once ({@link EcoConnector#closedBeforeAnswer}): a pooled connection
 * closed under the request before any answer (the partner never saw it), however the client wraps it; not a
 * reset by the partner, a refusal or anything the partner answered.
 */
class EcoStaleConnectionTest {

    @Test
    void aConnectionClosedUnderTheRequestIsAskedAgain() {
        assertTrue(EcoConnector.closedBeforeAnswer(new HttpClosedException("Connection was closed")));
        assertTrue(EcoConnector.closedBeforeAnswer(new ProcessingException(new HttpClosedException("Connection was closed"))));
        assertTrue(EcoConnector.closedBeforeAnswer(new ProcessingException(new java.io.IOException("Connection was closed"))));
    }

    @Test
    void whatThePartnerDidIsNotAskedAgain() {
        assertFalse(EcoConnector.closedBeforeAnswer(new ProcessingException(new SocketException("Connection reset by peer"))));
        assertFalse(EcoConnector.closedBeforeAnswer(new EcoConnector.PartnerFault("the partner API answered 500")));
        assertFalse(EcoConnector.closedBeforeAnswer(new IllegalStateException("anything else")));
        assertFalse(EcoConnector.closedBeforeAnswer(new java.io.IOException("Broken pipe")));
    }
}
