package io.miglab.core.result;

/**
 * What became of the guest: where it runs after the migration and, when something went wrong, the failure, the
 * stage it hit and what was spent for nothing.
 *
 * @param vmRunsOn     where the guest runs after the migration
 * @param failure      what went wrong ({@code destination-crash@pre-copy+2s}, {@code reservation refused: ...},
 *                     {@code link-down@post-copy+1s, recovered}); empty when nothing did
 * @param failedStage  the stage the failure hit ({@link Stage#label()}); empty when none
 * @param wastedBytes  bytes sent for a migration that did not complete, or sent again after a recovery
 * @param wastedTimeMs time spent for a migration that did not complete, or lost to a recovery
 */
public record Fate(VmLocation vmRunsOn, String failure, String failedStage, long wastedBytes,
                      double wastedTimeMs) {
    // one of each: every prediction of a batch ends with one
    private static final Fate ON_DESTINATION = new Fate(VmLocation.DESTINATION, "", "", 0, 0);
    private static final Fate ON_SOURCE = new Fate(VmLocation.SOURCE, "", "", 0, 0);

    /** Nothing went wrong; the guest runs on the destination if the migration completed, else on the source. */
    public static Fate none(boolean completed) {
        return completed ? ON_DESTINATION : ON_SOURCE;
    }
}
