package org.frontline.peers;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuMeterTest {

    /** Burns CPU on this thread for about the given time. */
    private static long spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        return x;
    }

    @Test
    void countsTheCpuOfTheSystemUnderTestInTheWindowOnly() throws Exception {
        long self = ProcessHandle.current().pid();
        long now = System.nanoTime();
        CpuMeter m = CpuMeter.schedule(List.of(self), "this test", now + 100_000_000L, now + 700_000_000L);
        spin(900_000_000L);   // ~0.6 s of it inside the window
        Map<String, Object> f = m.figures(300);
        assertNotNull(f);
        double system = (Double) f.get("system_under_test_cpu_s");
        assertTrue(system >= 0.3 && system <= 1.5, "CPU of this process in a 0.6 s window of one busy thread: " + system);
        double machine = (Double) f.get("machine_busy_cpu_s");
        assertTrue(machine >= system - 0.1, "the machine was at least as busy as this process: " + f);
        double postgres = (Double) f.get("postgres_cpu_s");
        assertEquals(Math.round(300 / (system + postgres) * 10) / 10.0, (Double) f.get("answers_per_cpu_second"), 1e-9,
                "from the CPU figures as written");
        assertEquals("this test", f.get("counted"));
    }

    @Test
    void aWindowThatDidNotCloseGivesNoFigures() {
        long now = System.nanoTime();
        CpuMeter m = CpuMeter.schedule(List.of(), "nothing", now, now + 60_000_000_000L);
        assertNull(m.figures(10));
    }

    @Test
    void readsTheTicksOfAProcessAndOfTheMachine() {
        spin(200_000_000L);
        assertTrue(CpuMeter.processTicks(Path.of("/proc/self")) > 0);
        assertEquals(0, CpuMeter.processTicks(Path.of("/proc/does-not-exist")));
        assertTrue(CpuMeter.machineBusyTicks() > 0);
    }
}
