package io.miglab.cli.migrate;

import io.miglab.cli.common.BadInputException;
import io.miglab.cli.common.ExitCodes;
import io.miglab.cli.common.QemuLaunchers;
import io.miglab.cli.common.RootCommand;
import io.miglab.cli.libvirt.LibvirtFlags;
import io.miglab.cli.libvirt.LibvirtMigrate;
import io.miglab.cli.output.ComparisonTableWriter;
import io.miglab.cli.output.ResultJsonWriter;
import io.miglab.cli.output.ResultTableWriter;
import io.miglab.cli.output.SpecSummary;
import io.miglab.cli.spec.QemuGuestOptions;
import io.miglab.cli.spec.SpecOptions;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.libvirt.LibvirtBackend;
import io.miglab.libvirt.migrate.LibvirtRun;
import io.miglab.qemu.calibrate.GuestCalibration;
import io.miglab.qemu.launch.QemuLauncher;
import io.miglab.qemu.migrate.QemuBackend;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import io.miglab.qemu.migrate.QemuRun;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code miglab migrate}: one real live migration between two QEMUs on this host, or the simulator calibrated for
 * that guest, or both side by side ({@code --compare}).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        description = {"Run one real live migration of miglab's guest between two QEMUs on this host and print its "
                + "figures, or the page-level simulator calibrated for that guest (--backend sim), or both "
                + "(--compare). Needs scripts/setup-qemu.sh (or MIGLAB_GUEST_DIR naming the guest folder it made).",
                "The guest runs two write models: none (idle) and sweep (its memwriter writes one page after another "
                + "of a --working-set array at --dirty-rate pages/s); uniform, working-set and traces are for the "
                + "simulator commands.",
                "Your own guest (--guest-kernel or --guest-disk, with --ready-line or --ready-port) runs its own "
                + "workload; see docs/own-guest.md."})
public final class MigrateCommand implements Callable<Integer> {
    static final String QEMU = QemuBackend.NAME;
    static final String SIM = PageLevelSimulator.NAME;
    static final String LIBVIRT = LibvirtBackend.NAME;

    @ParentCommand
    RootCommand main;

    @Spec
    CommandSpec command;

    @Mixin
    SpecOptions options;

    @Mixin
    LibvirtFlags libvirt;

    @Mixin
    QemuGuestOptions guest;

    @Option(names = "--backend", paramLabel = "qemu|sim|libvirt", order = 100,
            description = "qemu: a real migration; sim: the simulator on the spec calibrated for the QEMU guest; "
                    + "libvirt: a real migration through libvirt daemons (--source, --destination). Default: qemu")
    String backend = QEMU;

    @Option(names = "--compare", order = 101,
            description = "Run both, QEMU first, and print them side by side with the differences.")
    boolean compare;

    @Option(names = "--uncalibrated", order = 102,
            description = "sim: give the simulator the spec as it is, without the QEMU guest's calibration.")
    boolean uncalibrated;

    @Option(names = "--memory-check", order = 103,
            description = "qemu: start the destination paused and compare both RAMs page by page afterwards.")
    boolean memoryCheck;

    @Option(names = "--json", order = 105, description = "Print the result as JSON (not with --compare).")
    boolean json;

    @Option(names = "--rounds", order = 106, description = "Also print the per-round table.")
    boolean rounds;

    @Override
    public Integer call() {
        if (!backend.equals(QEMU) && !backend.equals(SIM) && !backend.equals(LIBVIRT)) {
            throw new InvalidSpecException("backend", "qemu, sim or libvirt", "'" + backend + "'");
        }
        if (options.flags().has("profile") && !compare && !backend.equals(SIM)) {
            // A calibrated profile is the simulator's view of a guest (its switch-over rate as --bandwidth): on a
            // real run it would shape the test link instead of describing the guest.
            throw new BadInputException("profile: only with --backend sim or --compare (a real run measures the "
                    + "guest; describe it with --memory, --bandwidth-cap ...) (got it with --backend " + backend + ")");
        }
        if (backend.equals(LIBVIRT)) return migrateThroughLibvirt();
        if (libvirt.any()) {
            throw new BadInputException("source, destination, domain, libvirt-transport, persistent, "
                    + "undefine-source, listen-address: only with --backend libvirt (got --backend " + backend + ")");
        }
        if (compare && json) throw new BadInputException("json: not with --compare (it prints two results)");
        if (compare && backend.equals(SIM)) throw new BadInputException("compare: runs qemu and sim; drop --backend");
        refuseFlagsWithoutEffect();
        MigrationSpec spec = options.toSpec(main.registry());
        QemuRunOptions runOptions = QemuRunOptions.defaults().withMemoryCheck(memoryCheck)
                .withUserGuest(guest.userGuest(spec).orElse(null)).withReadyTimeout(guest.readyTimeout());
        QemuMigrationPlan.of(spec, runOptions); // the guest's limits, checked before anything starts
        PrintWriter out = command.commandLine().getOut();
        if (backend.equals(SIM)) {
            print(spec, simulate(spec), out);
            return ExitCodes.OK;
        }
        Optional<QemuLauncher> found = QemuLaunchers.local(command.commandLine().getErr());
        if (found.isEmpty()) return ExitCodes.FAILURE;
        QemuLauncher launcher = found.get();
        QemuRun run = new QemuBackend(() -> launcher, runOptions).run(spec);
        if (compare) {
            out.println(SpecSummary.of(spec));
            out.println();
            ComparisonTableWriter.write("qemu", run.result(), uncalibrated ? "sim" : "sim (calibrated)",
                    simulate(spec), out);
            printQemuExtras(run, out);
        } else {
            print(spec, run.result(), out);
            if (!json) printQemuExtras(run, out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Integer migrateThroughLibvirt() {
        if (guest.any()) throw new BadInputException("guest-kernel: your own guest runs only with --backend qemu");
        if (compare || memoryCheck || uncalibrated) {
            throw new BadInputException("backend: libvirt takes neither --compare, --memory-check nor --uncalibrated");
        }
        MigrationSpec spec = options.toSpec(main.registry());
        // --multifd-channels: libvirt's parallel connections
        LibvirtRun run = LibvirtMigrate.run(spec, libvirt, spec.optimisations().multifdChannels());
        PrintWriter out = command.commandLine().getOut();
        print(spec, run.result(), out);
        if (!json) LibvirtMigrate.printExtras(run, out);
        out.flush();
        return ExitCodes.OK;
    }

    /** Flags of one backend given to the other would do nothing: refused, naming where they apply. */
    private void refuseFlagsWithoutEffect() {
        boolean realRun = compare || backend.equals(QEMU);
        boolean simRun = compare || backend.equals(SIM);
        if (memoryCheck && !realRun) {
            throw new BadInputException("memory-check: only with --backend qemu or --compare (the simulator has no "
                    + "RAM to compare) (got it with --backend sim)");
        }
        if (guest.any() && (compare || !backend.equals(QEMU))) {
            throw new BadInputException("guest-kernel: your own guest runs only with --backend qemu (the simulator "
                    + "is calibrated for miglab's guest; fit one with 'miglab calibrate') (got --backend " + backend
                    + (compare ? " --compare" : "") + ")");
        }
        if (uncalibrated && !simRun) {
            throw new BadInputException("uncalibrated: only with --backend sim or --compare (got it with --backend "
                    + "qemu)");
        }
    }

    private MigrationResult simulate(MigrationSpec spec) {
        return new PageLevelSimulator(main.registry())
                .migrate(uncalibrated ? spec : GuestCalibration.forSimulator(spec));
    }

    private void print(MigrationSpec spec, MigrationResult result, PrintWriter out) {
        if (json) {
            ResultJsonWriter.write(result, out);
            return;
        }
        out.println(SpecSummary.of(spec));
        out.println();
        ResultTableWriter.write(result, out);
        if (rounds) {
            out.println();
            ResultTableWriter.writeRounds(result, out);
        }
    }

    private static void printQemuExtras(QemuRun run, PrintWriter out) {
        out.println();
        out.println("real run: QEMU " + run.qemuVersion() + ", accel " + run.accel().qemuName()
                + ", source state at the end: " + run.sourceRunState());
        run.heartbeat().ifPresent(h -> out.println(String.format(Locale.ROOT,
                "heartbeat: HB %d on the source, HB %d on the destination (%s), host gap %.1f ms",
                h.lastSourceCounter(), h.firstDestinationCounter(),
                h.counterContinued() ? "continued" : "did NOT continue", h.switchGapMs())));
        run.memory().ifPresent(m -> out.println("memory check: " + m.differingPages() + " of " + m.pagesCompared()
                + " pages differ"));
        run.storage().ifPresent(d -> out.println(String.format(Locale.ROOT,
                "disk check: %d of %d blocks of 64 KiB differ, SHA-256 %s on the source, %s on the destination",
                d.differingBlocks(), d.blocksCompared(), d.sourceSha256().substring(0, 16),
                d.destinationSha256().substring(0, 16))));
        out.println("guest runs on: " + run.guestRunsOn());
        out.println("stages (from QMP events):");
        io.miglab.cli.output.StageWriter.writeTable(run.result(), out);
    }
}
