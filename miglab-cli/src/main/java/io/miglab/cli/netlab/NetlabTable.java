package io.miglab.cli.netlab;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.datacenter.migration.SharedLinkBatch;
import io.miglab.qemu.net.RateChange;
import io.miglab.qemu.net.SharedLinkRun;
import io.miglab.qemu.serial.HeartbeatAnalysis;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code netlab} prints: one row per migration (real beside simulated) and one summary row of the group,
 * whose columns are those of docs/real-sweeps.md's tables. Error: (simulated - real) / real.
 */
final class NetlabTable {
    /** The conditions of the run, for the summary. */
    record Setup(int concurrent, int maxParallel, DataRate rate, Duration roundTrip, int lossPerMille,
                 Optional<RateChange> change, String algorithm) { }

    private NetlabTable() { }

    static void write(Setup setup, SharedLinkRun.Outcome real, List<SharedLinkBatch.Member> sim, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "netlab: %d guest(s), at most %d at once, link %.1f MiB/s, "
                        + "round trip %d ms, loss %.1f %%, rate change %s, %s", setup.concurrent(), setup.maxParallel(),
                setup.rate().bytesPerSecond() / ByteSize.MIB, setup.roundTrip().toMillis(), setup.lossPerMille() / 10.0,
                setup.change().map(c -> String.format(Locale.ROOT, "to %.1f MiB/s after %d ms",
                        c.rate().bytesPerSecond() / ByteSize.MIB, c.after().toMillis())).orElse("none"),
                setup.algorithm()));
        out.println();
        out.println("  # | real start ms | real total ms | real downtime ms | hb gap ms | real MiB | sim start ms "
                + "| sim total ms | sim downtime ms | sim MiB | total error %");
        double realSum = 0;
        double simSum = 0;
        double realMax = 0;
        double simMax = 0;
        boolean allCompleted = true;
        for (int i = 0; i < real.members().size(); i++) {
            SharedLinkRun.Member m = real.members().get(i);
            MigrationResult r = m.run().result();
            MigrationResult s = sim.get(i).result();
            allCompleted &= r.outcome().completed() && m.run().counterContinued();
            double realTotal = r.timing().totalTimeMs();
            double simTotal = s.timing().totalTimeMs();
            realSum += realTotal;
            simSum += simTotal;
            realMax = Math.max(realMax, m.startMs() + realTotal);
            simMax = Math.max(simMax, sim.get(i).startSeconds() * 1000 + simTotal);
            out.println(String.format(Locale.ROOT, "%3d | %13.0f | %13.0f | %16.0f | %9.0f | %8.1f | %12.0f | %12.0f "
                            + "| %15.0f | %7.1f | %+13.1f", i + 1, m.startMs(), realTotal, r.timing().downtimeMs(),
                    m.run().heartbeat().map(HeartbeatAnalysis::switchGapMs).orElse(Double.NaN),
                    r.traffic().bytesTransferred() / (double) ByteSize.MIB, sim.get(i).startSeconds() * 1000,
                    simTotal, s.timing().downtimeMs(), s.traffic().bytesTransferred() / (double) ByteSize.MIB,
                    error(simTotal, realTotal)));
            if (!r.outcome().completed()) out.println("    real: " + r.outcome().stopReason());
        }
        int n = real.members().size();
        out.println();
        out.println(String.format(Locale.ROOT, "link: %.1f MiB through the veth, %.1f MiB counted by QEMU (%.1f %% "
                        + "TCP/IP and retransmissions)", real.linkBytes() / (double) ByteSize.MIB,
                real.migrationBytes() / (double) ByteSize.MIB,
                100.0 * (real.linkBytes() - real.migrationBytes()) / Math.max(1, real.migrationBytes())));
        out.println(String.format(Locale.ROOT, "every migration completed and its heartbeat continued: %s",
                allCompleted ? "yes" : "NO"));
        out.println("summary | N | K | rate MiB/s | real mean total ms | real last end ms | sim mean total ms "
                + "| sim last end ms | mean error % | last end error %");
        out.println(String.format(Locale.ROOT, "summary | %d | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %+.1f | %+.1f",
                n, setup.maxParallel(), setup.rate().bytesPerSecond() / ByteSize.MIB, realSum / n, realMax,
                simSum / n, simMax, error(simSum, realSum), error(simMax, realMax)));
    }

    static double error(double simulated, double real) {
        return real > 0 ? 100 * (simulated - real) / real : Double.NaN;
    }
}
