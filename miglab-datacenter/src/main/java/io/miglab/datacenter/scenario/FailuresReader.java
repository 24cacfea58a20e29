package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.Stage;
import io.miglab.core.spec.FailureKind;
import io.miglab.core.spec.FailureSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Validates a scenario's {@code failures:} section into a {@link FailureInjection}; see docs/datacenter.md. */
final class FailuresReader {
    static final String KINDS = Arrays.stream(FailureKind.values()).map(FailureKind::label)
            .collect(Collectors.joining(", "));
    static final String STAGES = Arrays.stream(Stage.values()).map(Stage::label).collect(Collectors.joining(", "));

    private FailuresReader() { }

    static FailureInjection read(ScenarioFile.Failures f) {
        if (f == null) return FailureInjection.NONE;
        FailureInjection d = FailureInjection.NONE;
        List<FailureInjection.Targeted> targeted = new ArrayList<>();
        if (f.inject() != null) {
            for (int i = 0; i < f.inject().size(); i++) targeted.add(targeted("failures.inject[" + i + "]",
                    f.inject().get(i)));
        }
        List<FailureKind> kinds = d.kinds();
        if (f.kinds() != null) {
            kinds = new ArrayList<>();
            for (int i = 0; i < f.kinds().size(); i++) {
                FailureKind k = FailureKind.byLabel(f.kinds().get(i));
                InvalidSpecException.require(k != null, "failures.kinds[" + i + "]", "one of " + KINDS,
                        f.kinds().get(i));
                kinds.add(k);
            }
        }
        List<Stage> stages = d.stages();
        if (f.stages() != null) {
            stages = new ArrayList<>();
            for (int i = 0; i < f.stages().size(); i++) {
                try {
                    stages.add(Stage.byLabel(f.stages().get(i)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidSpecException("failures.stages[" + i + "]", "one of " + STAGES,
                            f.stages().get(i));
                }
            }
        }
        Duration within = f.within() == null ? d.within() : Durations.duration("failures.within", f.within());
        return new FailureInjection(targeted, rate(f.rate()), kinds, stages, within);
    }

    /** {@code 0.2} or {@code 20%}: the probability that a migration fails, 0 to 1. */
    static double rate(String text) {
        if (text == null) return 0;
        String t = text.trim();
        double r;
        try {
            r = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                    : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            r = Double.NaN;
        }
        InvalidSpecException.require(r >= 0 && r <= 1, "failures.rate", "0 to 1 (or 0% to 100%)", t);
        return r;
    }

    private static FailureInjection.Targeted targeted(String at, ScenarioFile.Inject i) {
        InvalidSpecException.require(i.fail() != null, at + ".fail", FailureSpec.ALLOWED, "nothing");
        InvalidSpecException.require((i.vm() == null) != (i.migration() == null), at,
                "exactly one of vm (a VM's name) and migration (1 or more)", i.vm() == null ? "neither" : "both");
        InvalidSpecException.require(i.migration() == null || i.migration() >= 1, at + ".migration",
                "1 or more (1 = the run's first migration)", i.migration());
        FailureSpec spec;
        try {
            spec = FailureSpec.parse(i.fail());
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException(at + ".fail", FailureSpec.ALLOWED, i.fail());
        }
        return new FailureInjection.Targeted(i.vm(), i.migration() == null ? 0 : i.migration(), spec);
    }
}
