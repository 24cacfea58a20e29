package io.miglab.cli.netlab;

import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.common.QemuLaunchers;
import io.miglab.cli.common.RootCommand;
import io.miglab.core.link.Link;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.DataRate;
import io.miglab.datacenter.migration.SharedLinkBatch;
import io.miglab.qemu.calibrate.GuestCalibration;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import io.miglab.qemu.migrate.QemuRunOptions;
import io.miglab.qemu.net.NetnsLink;
import io.miglab.qemu.net.RateChange;
import io.miglab.qemu.net.SharedLinkRun;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code miglab netlab}: real migrations between two network namespaces of this machine over one tbf-limited veth
 * (N guests, at most K at once, with latency, loss or a rate change), set beside the datacenter simulator's
 * max-min fair sharing of one link of the same rate.
 */
@Command(name = "netlab", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Migrate --concurrent guests of miglab's at once between two network namespaces joined by a "
                + "veth pair with a tbf rate limit (--netns-rate), at most --max-parallel at a time, and compare "
                + "each one's times with the datacenter simulator sharing one link of that rate. --latency goes "
                + "through a relay inside the source's namespace, --loss is an nftables random drop in the "
                + "destination's, --rate-change a tc qdisc change while they run. Needs root (ip, tc, nft) and "
                + "scripts/setup-qemu.sh; everything made is removed at the end, on failure and on Ctrl-C."})
public final class NetlabCommand implements Callable<Integer> {
    /** QEMU's own max-bandwidth in these runs: far above any link here, so that tbf decides. */
    static final DataRate QEMU_CAP = DataRate.ofMiBps(4096);
    /** Up to 8 guests boot two at a time under TCG on a loaded host: a boot may take minutes. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    @ParentCommand
    RootCommand main;

    @Spec
    CommandSpec command;

    @Mixin
    NetlabOptions link;

    @Option(names = "--memory-check", description = "Start each destination paused and compare both RAMs page by "
            + "page afterwards.")
    boolean memoryCheck;

    @Override
    public Integer call() {
        int n = link.concurrent();
        int k = link.maxParallel();
        DataRate rate = link.rate();
        int lossPerMille = link.lossPerMille();
        Optional<RateChange> change = link.rateChange();
        MigrationSpec spec = link.spec().toSpec(main.registry());
        MigrationSpec real = spec.withLink(new Link(QEMU_CAP, spec.link().roundTripLatency(), Optional.empty()));
        QemuRunOptions runOptions = QemuRunOptions.defaults().withMemoryCheck(memoryCheck)
                .withReadyTimeout(READY_TIMEOUT);
        QemuMigrationPlan.of(real, runOptions); // the guest's limits, checked before anything starts
        MigrationSpec simulated = GuestCalibration.forSimulator(spec.withLink(new Link(rate,
                spec.link().roundTripLatency(), Optional.empty())));
        List<SharedLinkBatch.Member> sim = new SharedLinkBatch(main.registry()).run(Collections.nCopies(n, simulated),
                rate.bytesPerSecond(), k, change.map(c -> new SharedLinkBatch.CapacityChange(
                        c.after().toNanos() / 1e9, c.rate().bytesPerSecond())));
        PrintWriter err = command.commandLine().getErr();
        Optional<QemuLauncher> found = QemuLaunchers.local(err);
        if (found.isEmpty()) return ExitCodes.FAILURE;
        QemuLauncher launcher = found.get();
        SharedLinkRun.Outcome outcome;
        try (NetnsLink netns = NetnsLink.create(rate)) {
            if (lossPerMille > 0) netns.dropPerMille(lossPerMille);
            outcome = new SharedLinkRun(netns, launcher, runOptions).run(Collections.nCopies(n, real), k, change);
        } catch (RuntimeException e) {
            err.println("miglab: netlab failed (everything it made is removed): " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
        PrintWriter out = command.commandLine().getOut();
        NetlabTable.write(new NetlabTable.Setup(n, k, rate, spec.link().roundTripLatency(), lossPerMille, change,
                spec.algorithm() + (spec.optimisations().xbzrle().isPresent() ? "+xbzrle" : "")), outcome, sim,
                out);
        out.flush();
        return ExitCodes.OK;
    }
}
