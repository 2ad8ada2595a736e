package org.frontline.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo starts AIMC only when a MariaDB answers: without one it leaves AIMC out and says why, for
 * /v1/sources to list it NOT_STARTED (the listing itself: AimcFaultTest). The positive path is the demo's
 * own (it creates fq_demo_aimc, which a test must not).
 */
class DemoAimcTest {

    @AfterEach
    void clear() {
        for (String key : new String[] {"frontline.demo.mariadb", "frontline.sources.aimc.enabled",
                "frontline.sources.aimc.not-started-because", "frontline.sources.aimc.url"}) {
            System.clearProperty(key);
        }
    }

    @Test
    void withoutAMariaDbAimcIsNotStartedAndTheReasonNamesWhereItLooked() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        System.setProperty("frontline.demo.mariadb", "127.0.0.1:" + closed);
        DemoSources.startAimcIfMariaDbAnswers(42, 100);
        assertEquals("false", System.getProperty("frontline.sources.aimc.enabled"));
        String reason = System.getProperty("frontline.sources.aimc.not-started-because");
        assertNotNull(reason);
        assertTrue(reason.contains("no MariaDB at 127.0.0.1:" + closed), reason);
        assertEquals(null, System.getProperty("frontline.sources.aimc.url"));
    }
}
