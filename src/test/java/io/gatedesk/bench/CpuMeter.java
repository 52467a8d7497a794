package io.gatedesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent during a measurement, split into the JVM (GateDesk and the harness), PostgreSQL (the postmaster and
 * its backends) and everything else on the machine (wrk, other processes). On a two-core machine the three share
 * the cores, so CPU milliseconds per request say where a request's cost goes, and they hold still when other load
 * on the machine moves throughput around. Linux only (reads /proc); elsewhere it reports nothing.
 */
final class CpuMeter {

    // USER_HZ: 100 on every Linux architecture the benchmark runs on.
    private static final double MS_PER_TICK = 10.0;

    record Snapshot(long jvmNanos, long postgresTicks, long busyTicks, long totalTicks) {
    }

    private final long postmasterPid;
    private final boolean available;

    CpuMeter(long postmasterPid) {
        this.postmasterPid = postmasterPid;
        this.available = Files.isReadable(Path.of("/proc/stat"));
    }

    Snapshot now() {
        if (!available) {
            return new Snapshot(0, 0, 0, 0);
        }
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long[] machine = machineTicks();
        return new Snapshot(jvm, postgresTicks(), machine[0], machine[1]);
    }

    /** "CPU per request: JVM … ms, PostgreSQL … ms, other … ms; machine busy …%". */
    String describe(Snapshot before, Snapshot after, long requests) {
        if (!available || requests == 0) {
            return "CPU per request: not measured (no /proc)";
        }
        double jvmMs = (after.jvmNanos() - before.jvmNanos()) / 1e6;
        double postgresMs = (after.postgresTicks() - before.postgresTicks()) * MS_PER_TICK;
        double busyMs = (after.busyTicks() - before.busyTicks()) * MS_PER_TICK;
        double totalMs = (after.totalTicks() - before.totalTicks()) * MS_PER_TICK;
        double otherMs = Math.max(0, busyMs - jvmMs - postgresMs);
        return String.format("CPU per request: JVM %.2f ms, PostgreSQL %.2f ms, other processes (wrk …) %.2f ms; "
                        + "all cores busy %.0f %% of the time", jvmMs / requests, postgresMs / requests,
                otherMs / requests, totalMs == 0 ? 0 : 100 * busyMs / totalMs);
    }

    private long postgresTicks() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                long[] stat = stat(process.resolve("stat"));
                if (stat != null && (Long.parseLong(process.getFileName().toString()) == postmasterPid
                        || stat[0] == postmasterPid)) {
                    ticks += stat[1];
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** {ppid, utime + stime} of one process, or null when it has gone. */
    private static long[] stat(Path file) {
        try {
            String text = Files.readString(file);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // After "pid (comm) ": state ppid … utime is field 14 and stime field 15 of the whole line.
            return new long[]{Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {busy, total} jiffies of all cores since boot. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }
}
