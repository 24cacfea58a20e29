package io.miglab.cli.spec;

import static io.miglab.cli.spec.Settings.s;

import io.miglab.cli.spec.Setting.Default;
import io.miglab.cli.spec.Setting.Type;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.core.spec.Overheads;
import java.util.List;

/**
 * The fixed costs of a migration and its seed, the last of the migration's own settings: part of
 * {@link Settings#ALL}, kept in their own file by purpose. Their defaults are core's ({@link Overheads#defaults}).
 */
final class FixedCostSettings {
    private static final Overheads OVERHEADS = Overheads.defaults();

    static final List<Setting> ALL = List.of(
            s("fixed costs", "preparation-time", Type.DURATION, "DURATION", "From the migrate command to the "
                    + "first page.", Default.of(OVERHEADS.preparation())).datacenter("profiles[].preparation"),
            s("fixed costs", "resume-time", Type.DURATION, "DURATION", "From the last byte to the guest running "
                    + "on the destination.", Default.of(OVERHEADS.resume())).note("Part of the downtime.")
                    .datacenter("profiles[].resume"),
            s("fixed costs", "device-state", Type.SIZE, "SIZE", "CPU and device state sent during the pause.",
                    Default.ofBytes(OVERHEADS.deviceState().bytes())).datacenter("profiles[].deviceState"),
            s("fixed costs", "sync-cost", Type.DURATION, "DURATION", "Dirty-bitmap sync time per GiB of RAM, once "
                    + "per round.", Default.of(OVERHEADS.syncPerGiB())),
            s("fixed costs", "announce-rounds", Type.INTEGER, "N", "Self-announce rounds after activation (QEMU "
                    + "net/announce.c; the kvm profile: 5).", Default.of(OVERHEADS.announce().rounds()))
                    .range("0..1000"),
            s("fixed costs", "announce-initial", Type.DURATION, "DURATION", "Gap before the second announce round.",
                    Default.of(OVERHEADS.announce().initial())),
            s("fixed costs", "announce-step", Type.DURATION, "DURATION", "How much each announce gap grows.",
                    Default.of(OVERHEADS.announce().step())),
            s("fixed costs", "announce-max", Type.DURATION, "DURATION", "The longest announce gap.",
                    Default.of(OVERHEADS.announce().max())),
            s("fixed costs", "postcopy-page-cost", Type.DURATION, "DURATION", "Post-copy: the destination's time "
                    + "to place one zero page (QEMU: one UFFDIO_ZEROPAGE each); the push goes no faster, nor faster "
                    + "than --zero-page-cost a zero page.",
                    Default.of(OVERHEADS.postCopyPlacement())),
            s("fixed costs", "resume-pages", Type.INTEGER, "PAGES", "Post-copy, hybrid: pages the guest touches one "
                    + "after another when it resumes on the destination, each a fault while still at the source (a "
                    + "property of the guest; QEMU's postcopy-requests after an uncapped post-copy shows it).",
                    Default.of(OVERHEADS.resumeFaults().pages())).range("0..1000000")
                    .note("The qemu profile: " + HypervisorProfiles.QEMU_GUEST_RESUME_PAGES + ", miglab's guest. The "
                            + "pause: pages x (the written share + the rest x the share of the kernel's block still "
                            + "unsent) faults, every page with preempt, served at once or in the rate limit's windows "
                            + "(whichever is longer), at most the push."),
            s("fixed costs", "resume-written", Type.SHARE, "SHARE", "Post-copy, hybrid without --postcopy-preempt: "
                    + "the share of the resume pages the guest keeps writing (pending at any switch); the others it "
                    + "only reads and fault only while unsent, 0..1.", Default.of("0"))
                    .note("The qemu profile: " + HypervisorProfiles.QEMU_GUEST_RESUME_WRITTEN + ", miglab's guest."),
            s("fixed costs", "resume-fault-cost", Type.DURATION, "DURATION", "Post-copy: the hosts' time per "
                    + "demand fault served at once, beside the wire.", Default.of(OVERHEADS.resumeFaults().service())),
            s("fixed costs", "resume-fault-queue", Type.SIZE, "SIZE", "Post-copy without --postcopy-preempt: bytes "
                    + "ahead of a demand page in the stream, sent at the link's rate first.",
                    Default.ofBytes(OVERHEADS.resumeFaults().aheadInStream().bytes())),
            s("fixed costs", "resume-run", Type.DURATION, "DURATION", "Post-copy capped by "
                    + "--postcopy-bandwidth-cap, without --postcopy-preempt: per resume page, the guest's own running "
                    + "time while its faults are served only in each 100 ms period's window (0: no such wait).",
                    Default.of(OVERHEADS.resumeFaults().runPerPage()))
                    .note("The qemu profile: " + HypervisorProfiles.QEMU_RESUME_FAULTS.runPerPage().toNanos() / 1e6
                            + " ms, miglab's guest. The pause: faults x this x 100 ms / (the burst, cap / link of the "
                            + "period, + --resume-turnaround)."),
            s("fixed costs", "resume-turnaround", Type.DURATION, "DURATION", "Post-copy capped, without "
                    + "--postcopy-preempt: per 100 ms period, how long the guest runs beyond the period's burst.",
                    Default.of(OVERHEADS.resumeFaults().turnaround())),
            s("fixed costs", "zero-page-cost", Type.DURATION, "DURATION", "The source's CPU time per zero page "
                    + "(QEMU: save_zero_page), counted in each pre-copy period, at the switch-over and in the "
                    + "post-copy push.", Default.of(OVERHEADS.zeroPageCost())),
            s("fixed costs", "switch-over-rate", Type.RATE, "RATE", "The switch-over's rate with the guest paused "
                    + "and no cap (the CPU's; at most --bandwidth), or none.", Default.absent("none")),
            s("fixed costs", "first-page-rate", Type.RATE, "RATE", "The destination's rate at a switch-over for "
                    + "pages it has never received (a first pass's tail), or none.", Default.absent("none"))
                    .note("The qemu profile: 430 MiB/s, measured under TCG."),
            s("fixed costs", "first-page-buffer", Type.SIZE, "SIZE", "Bytes of those pages the sockets take "
                    + "before the source waits for the destination.",
                    Default.ofBytes(OVERHEADS.firstPages().buffer().bytes())),
            s("fixed costs", "seed", Type.INTEGER, "N", "Seed of the random write models and zero-page placement.",
                    Default.of(1)).datacenter("seed"));

    private FixedCostSettings() { }
}
