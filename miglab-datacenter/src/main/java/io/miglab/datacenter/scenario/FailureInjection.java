package io.miglab.datacenter.scenario;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.Stage;
import io.miglab.core.spec.FailureKind;
import io.miglab.core.spec.FailureSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The failures a scenario injects into its migrations (its {@code failures:} section): explicit ones, each aimed at
 * a VM's first migration or at the n-th migration of the run (1 = the first started), and a rate, the probability
 * that a migration fails, with the kind and stage drawn evenly from {@code kinds} and {@code stages} and the time
 * in the stage evenly from 0 to {@code within}. Each failure is a {@link FailureSpec}: what it leaves behind is
 * core's, as for a single migration. See docs/datacenter.md.
 *
 * @param targeted explicit failures
 * @param rate     probability per migration, 0 to 1, of a drawn failure (explicit ones come first)
 * @param kinds    kinds a drawn failure takes, evenly
 * @param stages   stages a drawn failure hits, evenly
 * @param within   a drawn failure's time from its stage's start is even in [0, within]
 */
public record FailureInjection(List<Targeted> targeted, double rate, List<FailureKind> kinds, List<Stage> stages,
                               Duration within) {
    public static final FailureInjection NONE = new FailureInjection(List.of(), 0, List.of(FailureKind.values()),
            List.of(Stage.PRECOPY, Stage.STOP_AND_COPY), Duration.ZERO);

    /**
     * One explicit failure: {@code vm} (a VM's name, its first migration) or {@code migration} (the n-th started,
     * from 1); exactly one of them is set ({@code vm} null or {@code migration} 0 for the other).
     */
    public record Targeted(String vm, long migration, FailureSpec failure) {
        public Targeted {
            InvalidSpecException.require((vm == null) != (migration <= 0), "failures[].vm/migration",
                    "exactly one of vm (a VM's name) and migration (1 or more)", vm == null ? migration : vm);
            InvalidSpecException.require(failure != null, "failures[].fail", FailureSpec.ALLOWED, null);
        }
    }

    public FailureInjection {
        targeted = targeted == null ? List.of() : List.copyOf(targeted);
        InvalidSpecException.require(rate >= 0 && rate <= 1, "failures.rate", "0 to 1 (or 0% to 100%)", rate);
        InvalidSpecException.require(kinds != null && !kinds.isEmpty(), "failures.kinds",
                "one or more of destination-crash, link-down, source-crash", kinds);
        InvalidSpecException.require(stages != null && !stages.isEmpty(), "failures.stages", "one or more stages",
                stages);
        kinds = List.copyOf(kinds);
        stages = List.copyOf(stages);
        InvalidSpecException.require(within != null && !within.isNegative(), "failures.within", "a duration >= 0",
                within);
    }

    public boolean isEmpty() {
        return targeted.isEmpty() && rate == 0;
    }

    public FailureInjection withRate(double r) {
        return new FailureInjection(targeted, r, kinds, stages, within);
    }

    /**
     * The failure of the {@code index}-th migration (from 1), of {@code vm}, if any: an explicit one aimed at it
     * ({@code firstOfVm}: the VM had no migration before), else one drawn with {@code random}.
     */
    public Optional<FailureSpec> pick(long index, String vm, boolean firstOfVm, SplittableRandom random) {
        for (Targeted t : targeted) {
            if (t.migration == index || firstOfVm && vm.equals(t.vm)) return Optional.of(t.failure);
        }
        if (rate == 0 || random.nextDouble() >= rate) return Optional.empty();
        FailureKind kind = kinds.get(random.nextInt(kinds.size()));
        Stage stage = stages.get(random.nextInt(stages.size()));
        long nanos = Math.round(within.toNanos() * random.nextDouble());
        return Optional.of(new FailureSpec(kind, stage, Duration.ofNanos(nanos)));
    }
}
