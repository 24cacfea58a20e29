package io.miglab.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.report.testing.ReportChecks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRowsTest {
    // The configuration section showed Optimisations[zeroPageElision=true, xbzrle=Optional.empty, ...], PT0.3S
    // and 1.25E8: stored runs keep that text, so the report puts it into words.
    @Test
    void recordTextReadsAsWords() {
        assertThat(RecordText.readable("Optimisations[zeroPageElision=true, xbzrle=Optional.empty, "
                + "compression=Optional.empty]")).isEqualTo("zero page elision yes, XBZRLE none, compression none");
        assertThat(RecordText.readable("[DowntimeBelow[limit=PT0.3S, checkedMidPass=false], Timeout[after=PT1M]]"))
                .isEqualTo("downtime below (limit 300 ms, checked mid pass no); timeout (after 60 s)");
        assertThat(RecordText.readable("Overheads[preparation=PT0.01S, resume=PT0.02S, deviceState=256KiB, "
                + "syncPerGiB=PT0.002S]")).isEqualTo("preparation 10 ms, resume 20 ms, device state 256 KiB, "
                + "sync per GiB 2 ms");
        assertThat(RecordText.readable("PostCopyOptions[precopyRounds=1, switchAfter=Optional[PT5S], "
                + "prepagingPages=0]")).isEqualTo("pre-copy rounds 1, switch after 5 s, pre-paging pages 0");
        assertThat(RecordText.readable("a plain [odd text")).isEqualTo("a plain [odd text");
    }

    @Test
    void platformKeysGetLabelsAndUnits() {
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("bandwidthBytesPerSecond", 1.25e8);
        platform.put("bandwidthCapBytesPerSecond", null);
        platform.put("memoryBytes", 268_435_456);
        platform.put("idleZeroPageShare", 0.78515625);
        platform.put("onLimit", "CANCEL");
        platform.put("someNewWindowMs", 1500.0);
        List<String[]> rows = ConfigRows.of(platform, List.of());
        assertThat(rows).extracting(r -> r[0] + ": " + r[1]).containsExactly("guest memory: 256 MiB",
                "zero pages when idle: 78.5 %", "bandwidth: 119.2 MiB/s", "bandwidth cap: none", "at a limit: cancel",
                "some new window: 1.5 s");
        rows.forEach(r -> ReportChecks.assertNoJavaText(r[0] + " " + r[1]));
    }
}
