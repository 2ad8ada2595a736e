package org.frontline.peers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The CPU a phase cost, read from {@code /proc} at the start and at the end of its measured window
 * (issue #18 item 6: answers per CPU-second of the whole system, ours against postgres_fdw's and the
 * naive JDBC loop's, in the same run).
 *
 * <p>What is counted: the system under test's own processes ({@code --cpu-pids}: the service's JVM;
 * {@code --cpu-self true}: this driver, when the driver IS the system, as for the naive JDBC fan-out),
 * and every process named {@code postgres} (the sources, and for postgres_fdw the federating backend
 * too, so that there the system under test is PostgreSQL alone). The driver's own load generation is
 * not counted for the HTTP and fdw targets, as the client is not part of the system. The whole
 * machine's busy time ({@code /proc/stat}, all cores) is given beside it, for context: it includes the
 * driver and anything else the machine was doing.
 *
 * <p>Linux only; elsewhere, or when a process is gone, its ticks read as 0 and the figures say so.
 */
final class CpuMeter {

    /** USER_HZ: the unit of /proc's tick counts (100 on every Linux this project runs on). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final List<Long> systemPids;
    private final String counted;
    private volatile Snapshot start;
    private volatile Snapshot end;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "cpu-meter");
        t.setDaemon(true);
        return t;
    });

    private record Snapshot(long system, long postgres, long machineBusy) {
    }

    private CpuMeter(List<Long> systemPids, String counted) {
        this.systemPids = systemPids;
        this.counted = counted;
    }

    /**
     * Takes a snapshot at {@code startNanos} and at {@code endNanos} ({@link System#nanoTime()}
     * instants: the measured window's bounds).
     */
    static CpuMeter schedule(List<Long> systemPids, String counted, long startNanos, long endNanos) {
        CpuMeter m = new CpuMeter(systemPids, counted);
        // a snapshot not yet due when the figures are asked for is dropped (the window did not close)
        m.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long now = System.nanoTime();
        m.timer.schedule(() -> m.start = m.snapshot(), Math.max(0, startNanos - now), TimeUnit.NANOSECONDS);
        m.timer.schedule(() -> m.end = m.snapshot(), Math.max(0, endNanos - now), TimeUnit.NANOSECONDS);
        return m;
    }

    /**
     * The phase's figures for its JSON file, {@code ok} being the answers of the measured window; null
     * when the window did not close (the phase was cut short).
     */
    Map<String, Object> figures(long ok) {
        timer.shutdown();   // one already taking its snapshot finishes
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Snapshot a = start;
        Snapshot b = end;
        if (a == null || b == null) {
            return null;
        }
        double system = (b.system - a.system) / TICKS_PER_SECOND;
        double postgres = (b.postgres - a.postgres) / TICKS_PER_SECOND;
        double machine = (b.machineBusy - a.machineBusy) / TICKS_PER_SECOND;
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("system_under_test_cpu_s", round(system));
        j.put("postgres_cpu_s", round(postgres));
        j.put("machine_busy_cpu_s", round(machine));
        // from the figures as written, so that the table reads consistently (0.0 s gives no figure)
        double written = round(system) + round(postgres);
        j.put("answers_per_cpu_second", written > 0 ? round(ok / written) : null);
        j.put("counted", counted);
        return j;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private Snapshot snapshot() {
        long system = 0;
        for (long pid : systemPids) {
            system += processTicks(Path.of("/proc", Long.toString(pid)));
        }
        long postgres = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path p : procs) {
                if ("postgres".equals(comm(p))) {
                    postgres += processTicks(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: zero
        }
        return new Snapshot(system, postgres, machineBusyTicks());
    }

    private static String comm(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** utime + stime of one process (fields 14 and 15 of /proc/PID/stat, counted after the command's parenthesis). */
    static long processTicks(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): utime is field 14, stime field 15
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** All cores' busy ticks: the first line of /proc/stat without idle and iowait. */
    static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {   // user nice system idle iowait irq softirq steal
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
