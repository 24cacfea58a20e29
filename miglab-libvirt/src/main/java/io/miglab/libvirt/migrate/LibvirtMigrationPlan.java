package io.miglab.libvirt.migrate;

import io.miglab.core.algorithm.MigrationAlgorithm;
import io.miglab.core.algorithm.StopAndCopy;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.qemu.launch.GuestConfig;
import io.miglab.qemu.migrate.QemuMigrationPlan;
import io.miglab.qemu.migrate.QemuRunOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec as libvirt is told it: migrate flags and typed parameters, the downtime limit set on the running job, and
 * the limits miglab enforces itself. Built from the QEMU backend's {@link QemuMigrationPlan} of the same spec (libvirt
 * drives the same QEMU), so every spec setting means the same on both backends; what libvirt has no knob for is
 * listed in {@link #notes()}. Flag values: {@code virDomainMigrateFlags}, parameter names: {@code
 * VIR_MIGRATE_PARAM_*}, both in libvirt-domain.h.
 */
public record LibvirtMigrationPlan(QemuMigrationPlan qemu, int flags, Map<String, Object> parameters,
                                   long downtimeLimitMs, List<String> notes) {
    public static final int LIVE = 1, PEER2PEER = 2, TUNNELLED = 4, PERSIST_DEST = 8, UNDEFINE_SOURCE = 16,
            COMPRESSED = 2048, ABORT_ON_ERROR = 4096, AUTO_CONVERGE = 8192, POSTCOPY = 32768, PARALLEL = 131072;

    public LibvirtMigrationPlan {
        parameters = Map.copyOf(parameters);
        notes = List.copyOf(notes);
    }

    public static LibvirtMigrationPlan of(MigrationSpec spec, LibvirtOptions options) {
        InvalidSpecException.require(spec.link().roundTripLatency().toNanos() == 0, "latency",
                "0 for the libvirt backend (the link between the hosts is the real one)",
                spec.link().roundTripLatency().toMillis() + "ms");
        QemuMigrationPlan qemu = QemuMigrationPlan.of(spec,
                QemuRunOptions.defaults().withMultifd(options.parallelConnections()));
        InvalidSpecException.require(!(qemu.algorithm() instanceof StopAndCopy), "algorithm",
                "an algorithm the libvirt backend can carry out (stop-and-copy pauses the guest before the migration, "
                        + "which miglab does over QMP only: use --backend qemu)", spec.algorithm());
        Map<String, Boolean> caps = qemu.sourceCapabilities();
        Map<String, Object> q = qemu.sourceParameters();
        List<String> notes = new ArrayList<>(qemu.notes());
        Map<String, Object> params = new LinkedHashMap<>();
        int flags = LIVE | ABORT_ON_ERROR;
        flags |= switch (options.transport()) {
            case P2P -> PEER2PEER;
            case TUNNELLED -> PEER2PEER | TUNNELLED;
            case DIRECT -> 0;
        };
        if (options.persistent()) flags |= PERSIST_DEST;
        if (options.undefineSource()) flags |= UNDEFINE_SOURCE;

        long bandwidth = ((Number) q.get("max-bandwidth")).longValue();
        InvalidSpecException.require(bandwidth >= ByteSize.MIB, "bandwidth",
                "at least 1 MiB/s for the libvirt backend (libvirt's bandwidth is whole MiB/s)", bandwidth + " B/s");
        if (bandwidth % ByteSize.MIB != 0) notes.add("bandwidth rounded down to whole MiB/s for libvirt");
        params.put("bandwidth", bandwidth / ByteSize.MIB);
        if (caps.get("postcopy-ram")) {
            flags |= POSTCOPY;
            params.put("bandwidth.postcopy", ((Number) q.get("max-postcopy-bandwidth")).longValue());
        }
        if (caps.get("auto-converge")) {
            flags |= AUTO_CONVERGE;
            params.put("auto_converge.initial", ((Number) q.get("cpu-throttle-initial")).intValue());
            params.put("auto_converge.increment", ((Number) q.get("cpu-throttle-increment")).intValue());
            notes.add("auto-converge: libvirt sets the initial throttle and its increment; QEMU's max-cpu-throttle "
                    + "and trigger threshold stay at their defaults");
        }
        if (caps.get("xbzrle")) {
            flags |= COMPRESSED;
            params.put("compression", "xbzrle");
            params.put("compression.xbzrle.cache", ((Number) q.get("xbzrle-cache-size")).longValue());
        }
        if (caps.get("multifd")) {
            flags |= PARALLEL;
            params.put("parallel.connections", options.parallelConnections());
        }
        if ("none".equals(q.get("zero-page-detection"))) {
            notes.add("zero-page elision off has no libvirt parameter: QEMU's default (on) applies");
        }
        options.listenAddress().ifPresent(a -> {
            params.put("listen_address", a);
            params.put("migrate_uri", "tcp://" + a);
        });
        long downtime = ((Number) q.get("downtime-limit")).longValue();
        return new LibvirtMigrationPlan(qemu, flags, params, downtime, notes);
    }

    public MigrationAlgorithm algorithm() {
        return qemu.algorithm();
    }

    public GuestConfig guest() {
        return qemu.guest();
    }

    public boolean postcopy() {
        return (flags & POSTCOPY) != 0;
    }

    /** The flags by libvirt's names, for notes and docs. */
    public List<String> flagNames() {
        List<String> names = new ArrayList<>();
        String[] all = {"LIVE", "PEER2PEER", "TUNNELLED", "PERSIST_DEST", "UNDEFINE_SOURCE", "COMPRESSED",
            "ABORT_ON_ERROR", "AUTO_CONVERGE", "POSTCOPY", "PARALLEL"};
        int[] bits = {LIVE, PEER2PEER, TUNNELLED, PERSIST_DEST, UNDEFINE_SOURCE, COMPRESSED, ABORT_ON_ERROR,
            AUTO_CONVERGE, POSTCOPY, PARALLEL};
        for (int i = 0; i < bits.length; i++) if ((flags & bits[i]) != 0) names.add(all[i]);
        return names;
    }
}
