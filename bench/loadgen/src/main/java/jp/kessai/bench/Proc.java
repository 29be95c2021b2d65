package jp.kessai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU seconds and RSS of a process (and of a PostgreSQL postmaster with its backends) from /proc. */
final class Proc {

    private Proc() {
    }

    /** utime + stime in clock ticks, or -1 when the process is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state=0 ppid=1 ... utime=11 stime=12
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long ppid(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime + cutime + cstime: with the CPU of children that exited and were waited for. */
    static long cpuTicksWithReaped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU ticks of the postmaster, every process it forked that is alive (backends, WAL writer, checkpointer ...)
     * and those that exited (the postmaster reaps them, so their CPU is in its cutime).
     */
    static long treeTicks(long root) {
        if (root <= 0) {
            return -1;
        }
        long sum = Math.max(0, cpuTicksWithReaped(root));
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : dirs.toList()) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                if (ppid(d.resolve("stat")) == root) {
                    sum += Math.max(0, cpuTicks(Long.parseLong(name)));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    /** VmRSS in MiB, or -1. */
    static double rssMb(long pid) {
        return statusKb(pid, "VmRSS:") / 1024.0;
    }

    static double hwmMb(long pid) {
        return statusKb(pid, "VmHWM:") / 1024.0;
    }

    private static long statusKb(long pid, String key) {
        if (pid <= 0) {
            return -1024;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1024;
    }

    /** The postmaster's pid: the first line of postmaster.pid. */
    static long postmaster(Path pidFile) {
        if (pidFile == null) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
