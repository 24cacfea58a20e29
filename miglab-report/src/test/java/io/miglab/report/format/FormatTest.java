package io.miglab.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.report.testing.ReportChecks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatTest {
    // The benchmark's configuration showed 1.25E8 and PT0.3S; the datacenter's summary 0.00240936.
    @Test
    void quantitiesReadAsAPersonWritesThem() {
        assertThat(Quantity.rate(1.25e8)).isEqualTo("119.2 MiB/s");
        assertThat(Quantity.bytes(268_435_456)).isEqualTo("256 MiB");
        assertThat(Quantity.bytes(262_144)).isEqualTo("256 KiB");
        assertThat(Quantity.duration(Duration.parse("PT0.3S"))).isEqualTo("300 ms");
        assertThat(Quantity.duration(Duration.ofMinutes(1))).isEqualTo("60 s");
        assertThat(Quantity.duration(Duration.ofHours(1))).isEqualTo("60 min");
        assertThat(Quantity.seconds(21_600)).isEqualTo("6 h");
        assertThat(Quantity.seconds(0.0564951)).isEqualTo("56.5 ms");
        assertThat(Quantity.share(0.00240936)).isEqualTo("0.24 %");
        assertThat(Num.sig(1_250_000.4, 4)).isEqualTo("1,250,000");
        assertThat(Num.sig(12.1186, 4)).isEqualTo("12.12");
        assertThat(Num.of(38_123.4)).isEqualTo("38,123");
        assertThat(Num.of(Double.NaN)).isEqualTo("-");
        ReportChecks.assertNoJavaText(Quantity.rate(1.25e8) + " " + Num.sig(1e-7, 3) + " " + Num.sig(3e20, 3));
    }

    // Timestamps were printed with nanoseconds (2026-11-29T16:38:03.352073516Z).
    @Test
    void timestampsAreRoundedToTheSecond() {
        assertThat(Timestamp.of(Instant.parse("2026-11-29T16:38:03.552073516Z"))).isEqualTo("2026-11-29 16:38:04 UTC");
        assertThat(Timestamp.of(Instant.parse("2026-11-29T16:38:03.352073516Z"))).isEqualTo("2026-11-29 16:38:03 UTC");
    }
}
