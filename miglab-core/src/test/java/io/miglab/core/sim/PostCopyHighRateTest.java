package io.miglab.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.WorkingSetWrites;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Post-copy at write rates far beyond any guest's still ends, with the faults the working set implies. */
class PostCopyHighRateTest {
    // Guards against the hang of drawing billions of writes per second for the whole background push: once every
    // page the writer can touch has arrived, its writes cannot fault and are not drawn (issue "Hardening").
    @Test
    void billionsOfWritesPerSecond_endWithOneFaultPerWorkingSetPage() {
        WorkingSetWrites writes = new WorkingSetWrites(ByteSize.ofMiB(268), 4096, 5e9, 0);
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(512), DataRate.parse("bandwidth", "100Mbit/s"))
                .withAlgorithm("postcopy").withWriteModel(writes);
        MigrationResult r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new PageLevelSimulator().migrate(spec));
        assertThat(r.outcome().completed()).isTrue();
        assertThat(r.guestImpact().postcopyFaults()).isEqualTo(writes.hotPages((int) (ByteSize.ofMiB(512).bytes() / 4096)));
    }
}
