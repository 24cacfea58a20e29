package io.miglab.cli.spec;

import io.miglab.cli.spec.Setting.Default;
import io.miglab.cli.spec.Setting.Type;
import io.miglab.cli.spec.Setting.Use;
import io.miglab.core.spec.FailureSpec;
import io.miglab.core.spec.ProtocolOptions;
import java.util.EnumSet;
import java.util.List;

/**
 * The settings of the staged protocol (reservation, injected failures, detection and recovery): part of
 * {@link Settings#ALL}, kept in their own file by purpose. The model commands and scenario files take them; a real
 * QEMU migration injects its own failures.
 */
final class ProtocolSettings {
    private static final ProtocolOptions PROTOCOL = ProtocolOptions.defaults();

    static final List<Setting> ALL = List.of(
            p("stages and failures", "reservation-time", Type.DURATION, "DURATION", "How long the destination "
                    + "takes to reserve the VM's memory and vCPUs.", Default.of(PROTOCOL.reservation())),
            p("stages and failures", "vcpus", Type.INTEGER, "N", "The VM's vCPUs, which the destination must "
                    + "reserve (migrate: your own QEMU guest's -smp).", Default.of(PROTOCOL.vcpus()))
                    .range("1..4096").alsoFor(Use.MIGRATE),
            p("stages and failures", "destination-free-memory", Type.SIZE, "SIZE", "Memory free at the "
                    + "destination; less than --memory: the migration is REFUSED and the VM stays on the source.",
                    Default.absent("enough")),
            p("stages and failures", "destination-free-vcpus", Type.INTEGER, "N", "vCPUs free at the destination; "
                    + "fewer than --vcpus: REFUSED.", Default.absent("enough")).range("0..1000000"),
            p("stages and failures", "fail", Type.TEXT, FailureSpec.SYNTAX, "Inject a failure: KIND "
                    + "destination-crash, link-down or source-crash, at STAGE (preparation, reservation, pre-copy, "
                    + "stop-and-copy, commit, activation, post-copy) TIME after it began, e.g. "
                    + "destination-crash@pre-copy+2s.", Default.absent("none"))
                    .note("See docs/protocol.md for what each failure leaves behind."),
            p("stages and failures", "detect-time", Type.DURATION, "DURATION", "How long a link down goes "
                    + "unnoticed (a crashed destination is noticed after a round trip).",
                    Default.of(PROTOCOL.detect())),
            p("stages and failures", "reconnect-time", Type.DURATION, "DURATION", "Post-copy recovery after a "
                    + "link down: from noticing to the channel being back (QEMU migrate-recover, then migrate "
                    + "resume=true).", Default.of(PROTOCOL.reconnect())));

    private ProtocolSettings() { }

    private static Setting p(String group, String name, Type type, String label, String help, Default d) {
        return Settings.s(group, name, type, label, help, d, EnumSet.of(Use.SIMULATE, Use.PREDICT, Use.SWEEP,
                Use.SCENARIO_FILE));
    }
}
