package io.miglab.libvirt.migrate;

import io.miglab.core.result.MigrationResult;
import io.miglab.libvirt.domain.HeartbeatRecord;
import java.util.List;
import java.util.Optional;

/**
 * One libvirt migration with what a real run shows beside the common result.
 *
 * @param sourceState      the domain on the source at the end: {@code running}, {@code shut off}, {@code gone}, ...
 * @param destinationState the same on the destination
 * @param error            libvirt's message when the migrate call failed
 */
public record LibvirtRun(MigrationResult result, Optional<HeartbeatRecord> heartbeat, String sourceState,
                         String destinationState, Optional<String> error, List<JobSample> samples) {
    public LibvirtRun {
        samples = List.copyOf(samples);
    }
}
