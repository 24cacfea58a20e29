package io.miglab.qemu.migrate;

import io.miglab.core.result.Fate;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.result.Stage;
import io.miglab.core.result.StageStats;
import io.miglab.core.result.VmLocation;
import java.util.List;
import java.util.Optional;

/** A real run's stages and what became of its guest, in the common result ({@code stages}, {@code fate}). */
final class QemuFate {
    private QemuFate() {
    }

    static MigrationResult staged(MigrationResult r, List<StageStats> stages, Optional<InjectedFailure> failure,
                                  Optional<Stage> injectedIn, boolean recovered, String guestRunsOn) {
        VmLocation where = switch (guestRunsOn) {
            case "source" -> VmLocation.SOURCE;
            case "destination" -> VmLocation.DESTINATION;
            default -> VmLocation.LOST;
        };
        String what = injectedIn.map(stage -> describe(failure.orElseThrow()) + "@" + stage.label()
                + (recovered ? ", recovered" : "")).orElse("");
        boolean wasted = !r.outcome().completed();
        double lastEnd = stages.isEmpty() ? 0 : stages.get(stages.size() - 1).endMs();
        Fate fate = new Fate(where, what, injectedIn.map(Stage::label).orElse(""), wasted ? r.traffic().bytesTransferred() : 0,
                wasted ? lastEnd : 0);
        return r.withStages(stages).withFate(fate);
    }

    private static String describe(InjectedFailure f) {
        if (f instanceof InjectedFailure.LinkCutInPostcopy) return "link-down";
        if (f instanceof InjectedFailure.AtSwitchover a && !a.killDestination()) return "cancel";
        return "destination-crash";
    }

}
