package io.miglab.cli.libvirt;

import io.miglab.core.spec.MigrationSpec;
import io.miglab.libvirt.LibvirtBackend;
import io.miglab.libvirt.local.LocalUris;
import io.miglab.libvirt.migrate.LibvirtMigrationPlan;
import io.miglab.libvirt.migrate.LibvirtRun;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code migrate --backend libvirt}: one migration through libvirt, local daemons started and stopped if named. */
public final class LibvirtMigrate {
    private LibvirtMigrate() {
    }

    /** Checks the input, then runs; the spec's and the flags' errors come before any daemon starts. */
    public static LibvirtRun run(MigrationSpec spec, LibvirtFlags flags, int parallelConnections) {
        var uris = flags.uris();
        // the spec's limits under libvirt, before any local daemon starts
        LibvirtMigrationPlan.of(spec, flags.options(LocalUris.none(), parallelConnections));
        try (LocalUris local = LocalUris.forUris(uris, "source")) {
            var options = flags.options(local, parallelConnections);
            LibvirtMigrationPlan.of(spec, options);
            return new LibvirtBackend(options).run(spec);
        }
    }

    public static void printExtras(LibvirtRun run, PrintWriter out) {
        out.println();
        out.println("real run: libvirt; domain at the end: " + run.sourceState() + " on the source, "
                + run.destinationState() + " on the destination");
        run.error().ifPresent(e -> out.println("libvirt: " + e));
        run.heartbeat().ifPresent(h -> out.println(String.format(Locale.ROOT,
                "heartbeat: largest gap %.1f ms during the migration, counter %s (HB %d), %d beats after it",
                h.maxGapMs(), h.counterContinued() ? "continued" : "did NOT continue", h.lastCounter(),
                h.beatsAfter())));
    }
}
