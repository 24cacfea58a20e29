package io.miglab.qemu.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.storage.DiskSpec;
import io.miglab.core.storage.StorageSpec;
import io.miglab.core.storage.StorageStrategy;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulator's storage model (mirror) against real QEMU blockdev-mirror migrations stored in
 * docs/storage-vs-sim.json (recorded with {@code miglab migrate --storage mirror --json}): the simulator side is
 * recomputed from each run's inputs (nothing fitted per case), and the errors on storage time and storage bytes
 * must stay within the bounds the file (and docs/protocol.md) states.
 */
class StorageVsSimTest {
    static final Path RUNS = Path.of("../docs/storage-vs-sim.json");

    static MigrationResult simulate(JsonNode run) {
        ByteSize disk = ByteSize.parse("disk-size", run.path("diskSize").asText());
        double writes = run.path("diskWriteRate").asText().equals("0") ? 0
                : DataRate.parse("disk-write-rate", run.path("diskWriteRate").asText()).bytesPerSecond();
        DiskSpec d = new DiskSpec(disk, 1, writes, disk, DiskSpec.DEFAULT_BLOCK);
        MigrationSpec spec = MigrationSpec.of(ByteSize.parse("memory", run.path("memory").asText()),
                DataRate.parse("bandwidth", run.path("bandwidth").asText()))
                .withStorage(Optional.of(new StorageSpec(d, StorageStrategy.MIRROR)));
        return new PageLevelSimulator().migrate(spec);
    }

    static double errorPercent(double sim, double real) {
        return 100 * (sim - real) / real;
    }

    @Test
    void storageTimeAndBytes_withinTheStatedBounds() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(RUNS.toFile());
        double timeBound = doc.path("bounds").path("storageTimeErrorPercent").asDouble();
        double bytesBound = doc.path("bounds").path("storageBytesErrorPercent").asDouble();
        assertThat(doc.path("runs").size()).isGreaterThanOrEqualTo(6);
        for (JsonNode run : doc.path("runs")) {
            MigrationResult sim = simulate(run);
            JsonNode real = run.path("real");
            double time = errorPercent(sim.timing().storageTimeMs(), real.path("storageTimeMs").asDouble());
            double bytes = errorPercent(sim.traffic().storageBytes(), real.path("storageBytes").asDouble());
            System.out.println(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f | %+.1f | %.2f | %.2f | %+.1f |",
                    run.path("bandwidth").asText(), run.path("diskWriteRate").asText(), run.path("diskSize").asText(),
                    real.path("storageTimeMs").asDouble(), sim.timing().storageTimeMs(), time,
                    real.path("storageBytes").asDouble() / (1 << 20), sim.traffic().storageBytes() / (double) (1 << 20),
                    bytes));
            assertThat(Math.abs(time)).as("storage time error of %s", run.path("name").asText())
                    .isLessThanOrEqualTo(timeBound);
            assertThat(Math.abs(bytes)).as("storage bytes error of %s", run.path("name").asText())
                    .isLessThanOrEqualTo(bytesBound);
        }
    }
}
