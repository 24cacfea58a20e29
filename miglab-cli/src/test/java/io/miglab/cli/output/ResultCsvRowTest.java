package io.miglab.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.core.predict.ClosedFormPredictor;
import io.miglab.core.result.Metric;
import io.miglab.core.result.Metrics;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.core.unit.ByteSize;
import io.miglab.core.unit.DataRate;
import io.miglab.core.write.UniformWrites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch's row, appended in place, is the row the list of cell texts gives. */
class ResultCsvRowTest {
    // Guards against the batch's CSV drifting from predict --csv's (a number written with other digits, a text cell
    // not quoted, an absent figure not left empty).
    @Test
    void appendedRow_equalsTheLineOfItsCells() {
        MigrationSpec spec = MigrationSpec.of(ByteSize.ofMiB(64), DataRate.parse("bandwidth", "30MB/s"))
                .withWriteModel(new UniformWrites(3000));
        List<MigrationResult> results = List.of(new PageLevelSimulator().migrate(spec),
                new ClosedFormPredictor().migrate(spec),
                new ClosedFormPredictor().migrate(spec.withAlgorithm("postcopy")),
                new PageLevelSimulator().migrate(spec.withAlgorithm("stop-and-copy")));
        for (MigrationResult r : results) {
            StringBuilder row = new StringBuilder();
            ResultCsvWriter.appendRow(row, Metrics.STANDARD, r);
            assertThat(row.toString()).isEqualTo(Csv.line(ResultCsvWriter.cells(Metrics.STANDARD, r)));
            for (Metric m : Metrics.STANDARD.all()) {
                StringBuilder cell = new StringBuilder();
                m.appendText(cell, r);
                assertThat(cell.toString()).as(m.name()).isEqualTo(m.text(r));
            }
        }
    }

    // Guards against a quote or comma in a text cell breaking the row.
    @Test
    void appendCell_quotesAsCell() {
        for (String s : List.of("", "plain", "a,b", "say \"hi\"", "two\nlines", "x\r")) {
            StringBuilder b = new StringBuilder();
            Csv.appendCell(b, s);
            assertThat(b.toString()).isEqualTo(Csv.cell(s));
        }
    }
}
