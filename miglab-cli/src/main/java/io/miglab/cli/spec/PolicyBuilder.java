package io.miglab.cli.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.spec.StopCondition;
import io.miglab.core.spec.TerminationPolicy;
import io.miglab.core.spec.TerminationPolicy.LimitAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link TerminationPolicy} from {@code --policy} and its knobs. {@code qemu}: converge when the rest fits
 * {@code --downtime-limit}, cancel at {@code --timeout}. {@code xen}: fixed (fewer than 50 dirty pages, 30 rounds, 3x
 * memory, then stop-and-copy). {@code custom}: the given {@code --downtime-limit} and {@code --min-dirty-pages}
 * (the downtime limit's default if neither is given), the given {@code --max-rounds} and {@code --max-data}, and
 * always {@code --timeout}. {@code --on-limit} overrides what happens at a limit. {@code --mid-pass-check} makes the
 * downtime limit of qemu or custom one that is checked while a pass is under way.
 */
final class PolicyBuilder {
    private PolicyBuilder() { }

    static TerminationPolicy build(SpecInputs in) {
        String name = Values.choice("policy", in.text("policy"), "qemu", "xen", "custom");
        TerminationPolicy base = switch (name) {
            case "qemu" -> {
                for (String k : List.of("max-rounds", "max-data", "min-dirty-pages")) {
                    in.forbid(k, "--policy custom (the qemu policy converges only on --downtime-limit)");
                }
                yield TerminationPolicy.qemu(duration(in, "downtime-limit"), duration(in, "timeout"));
            }
            case "xen" -> {
                for (String k : List.of("max-rounds", "max-data", "min-dirty-pages", "downtime-limit", "timeout")) {
                    in.forbid(k, "--policy custom or qemu (xen's limits are fixed: 50 pages, 30 rounds, 3x memory)");
                }
                yield TerminationPolicy.xen();
            }
            default -> custom(in);
        };
        if (Values.bool("mid-pass-check", in.text("mid-pass-check"))) base = checkedMidPass(base);
        if (!in.given("on-limit")) return base;
        LimitAction action = switch (Values.choice("on-limit", in.text("on-limit"), "stop-and-copy", "cancel")) {
            case "cancel" -> LimitAction.CANCEL;
            default -> LimitAction.STOP_AND_COPY;
        };
        return new TerminationPolicy(base.name(), base.conditions(), action);
    }

    private static TerminationPolicy custom(SpecInputs in) {
        List<StopCondition> conditions = new ArrayList<>();
        boolean convergence = false;
        if (in.given("downtime-limit")) {
            conditions.add(new StopCondition.DowntimeBelow(duration(in, "downtime-limit")));
            convergence = true;
        }
        if (in.given("min-dirty-pages")) {
            conditions.add(new StopCondition.FewDirtyPages(Values.integer("min-dirty-pages",
                    in.text("min-dirty-pages"), 1, Integer.MAX_VALUE)));
            convergence = true;
        }
        if (!convergence) conditions.add(new StopCondition.DowntimeBelow(duration(in, "downtime-limit")));
        if (in.given("max-rounds")) {
            conditions.add(new StopCondition.MaxRounds((int) Values.integer("max-rounds", in.text("max-rounds"), 1,
                    100_000)));
        }
        if (in.given("max-data")) {
            double factor = Values.nonNegative("max-data", in.text("max-data"), "a factor of memory from 1 to 1000");
            conditions.add(new StopCondition.MaxData(factor));
        }
        conditions.add(new StopCondition.Timeout(duration(in, "timeout")));
        return new TerminationPolicy("custom", conditions, LimitAction.STOP_AND_COPY);
    }

    /** {@code --mid-pass-check}: the downtime limit is evaluated as pages are sent (QEMU's migration_iteration_run). */
    private static TerminationPolicy checkedMidPass(TerminationPolicy p) {
        if (p.find(StopCondition.DowntimeBelow.class).isEmpty()) {
            throw new InvalidSpecException("mid-pass-check", "only with a policy that has a downtime limit: qemu, "
                    + "or custom with --downtime-limit or without --min-dirty-pages",
                    "'true' with --policy " + p.name());
        }
        return p.withMidPassCheck();
    }

    private static Duration duration(SpecInputs in, String key) {
        return Values.duration(key, in.text(key));
    }
}
