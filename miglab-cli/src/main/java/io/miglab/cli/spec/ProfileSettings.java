package io.miglab.cli.spec;

import io.miglab.core.spec.Announce;
import io.miglab.core.profile.HypervisorProfile;
import io.miglab.core.spec.AutoConverge;
import io.miglab.core.spec.Optimisations;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.unit.DataRate;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link HypervisorProfile} as the settings a user would type (the flags' keys and syntax), so that
 * {@code --hypervisor NAME} is a layer of defaults under the user's own flags: the profile decides what the user
 * leaves out, any flag given overrides it. The round trip (profile to settings to spec) gives the profile's own
 * spec; {@code HypervisorProfileTest} holds that for every standard profile.
 */
final class ProfileSettings {
    private ProfileSettings() { }

    static Map<String, String> of(HypervisorProfile p) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("algorithm", p.algorithm());
        policy(p.policy(), s);
        p.bandwidthCap().ifPresent(r -> s.put("bandwidth-cap", rate(r)));
        s.put("postcopy-bandwidth-cap", p.postCopyCap().map(ProfileSettings::rate).orElse("none"));
        s.put("auto-converge", Boolean.toString(p.autoConverge().isPresent()));
        p.autoConverge().ifPresent(a -> throttle(a, s));
        Optimisations o = p.optimisations();
        s.put("zero-page-elision", Boolean.toString(o.zeroPageElision()));
        s.put("xbzrle", Boolean.toString(o.xbzrle().isPresent()));
        o.xbzrle().ifPresent(x -> {
            s.put("xbzrle-cache", x.cacheSize().bytes() + "");
            s.put("xbzrle-delta", Double.toString(x.deltaRatio()));
        });
        s.put("multifd-channels", Integer.toString(o.multifdChannels()));
        s.put("compress", Boolean.toString(o.compression().isPresent()));
        o.compression().ifPresent(c -> s.put("compress-throughput", rate(c.throughput())));
        s.put("precopy-rounds", Integer.toString(p.postCopy().precopyRounds()));
        p.postCopy().switchAfter().ifPresent(d -> s.put("switch-after", Setting.Default.text(d)));
        s.put("prepaging", Integer.toString(p.postCopy().prepagingPages()));
        s.put("postcopy-preempt", Boolean.toString(p.postCopy().preempt()));
        s.put("preparation-time", Setting.Default.text(p.overheads().preparation()));
        s.put("resume-time", Setting.Default.text(p.overheads().resume()));
        s.put("device-state", p.overheads().deviceState().bytes() + "");
        s.put("sync-cost", Setting.Default.text(p.overheads().syncPerGiB()));
        Announce a = p.overheads().announce();
        s.put("announce-rounds", Integer.toString(a.rounds()));
        s.put("announce-initial", Setting.Default.text(a.initial()));
        s.put("announce-step", Setting.Default.text(a.step()));
        s.put("announce-max", Setting.Default.text(a.max()));
        s.put("postcopy-page-cost", Setting.Default.text(p.overheads().postCopyPlacement()));
        s.put("resume-pages", Integer.toString(p.overheads().resumeFaults().pages()));
        s.put("resume-fault-cost", Setting.Default.text(p.overheads().resumeFaults().service()));
        s.put("resume-fault-queue", p.overheads().resumeFaults().aheadInStream().bytes() + "");
        s.put("resume-written", Double.toString(p.overheads().resumeFaults().writtenShare()));
        s.put("resume-run", Setting.Default.text(p.overheads().resumeFaults().runPerPage()));
        s.put("resume-turnaround", Setting.Default.text(p.overheads().resumeFaults().turnaround()));
        s.put("zero-page-cost", Setting.Default.text(p.overheads().zeroPageCost()));
        s.put("switch-over-rate", p.overheads().switchOverRate().map(ProfileSettings::rate).orElse("none"));
        s.put("first-page-rate", p.overheads().firstPages().rate().map(ProfileSettings::rate).orElse("none"));
        s.put("first-page-buffer", p.overheads().firstPages().buffer().bytes() + "");
        return s;
    }

    /** qemu and xen by their names; any other policy as custom with its clauses. */
    private static void policy(TerminationPolicy policy, Map<String, String> s) {
        List<StopCondition> c = policy.conditions();
        boolean qemuShape = c.size() == 2 && c.get(0) instanceof StopCondition.DowntimeBelow
                && c.get(1) instanceof StopCondition.Timeout && policy.onLimit() == TerminationPolicy.LimitAction.CANCEL;
        if (policy.equals(TerminationPolicy.xen())) {
            s.put("policy", "xen");
            return;
        }
        s.put("policy", qemuShape ? "qemu" : "custom");
        for (StopCondition condition : c) {
            if (condition instanceof StopCondition.DowntimeBelow d) {
                s.put("downtime-limit", Setting.Default.text(d.limit()));
                s.put("mid-pass-check", Boolean.toString(d.checkedMidPass()));
            } else if (condition instanceof StopCondition.FewDirtyPages f) {
                s.put("min-dirty-pages", Long.toString(f.pages()));
            } else if (condition instanceof StopCondition.MaxRounds r) {
                s.put("max-rounds", Integer.toString(r.rounds()));
            } else if (condition instanceof StopCondition.MaxData m) {
                s.put("max-data", Double.toString(m.factor()));
            } else if (condition instanceof StopCondition.Timeout t) {
                s.put("timeout", Setting.Default.text(t.after()));
            }
        }
        if (!qemuShape) {
            s.put("on-limit", policy.onLimit() == TerminationPolicy.LimitAction.CANCEL ? "cancel" : "stop-and-copy");
        }
    }

    private static void throttle(AutoConverge a, Map<String, String> s) {
        s.put("throttle-initial", Integer.toString(a.initialPercent()));
        s.put("throttle-increment", Integer.toString(a.incrementPercent()));
        s.put("throttle-max", Integer.toString(a.maxPercent()));
        s.put("throttle-trigger-threshold", Integer.toString(a.triggerThresholdPercent()));
    }

    private static String rate(DataRate r) {
        return BigDecimal.valueOf(r.bytesPerSecond()).stripTrailingZeros().toPlainString() + "B/s";
    }
}
