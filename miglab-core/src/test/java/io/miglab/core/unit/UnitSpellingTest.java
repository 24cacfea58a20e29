package io.miglab.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** Decimal (SI) spellings mean decimal units, binary ones binary; the ambiguous lowercase b is refused. */
class UnitSpellingTest {
    // Guards against --memory 1GB being read as 1 GiB without a word.
    @Test
    void sizes_siIsDecimal_binaryIsBinary() {
        assertThat(ByteSize.parse("memory", "1GB").bytes()).isEqualTo(1_000_000_000L);
        assertThat(ByteSize.parse("memory", "500MB").bytes()).isEqualTo(500_000_000L);
        assertThat(ByteSize.parse("memory", "64kB").bytes()).isEqualTo(64_000L);
        assertThat(ByteSize.parse("memory", "1G").bytes()).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("memory", "1GiB").bytes()).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("memory", "256mib").bytes()).isEqualTo(256L << 20);
        assertThat(ByteSize.parse("memory", "4096").bytes()).isEqualTo(4096);
        assertThat(ByteSize.parse("memory", "4096B").bytes()).isEqualTo(4096);
    }

    // Guards against 1Gb (a gigabit) being taken for a gigabyte of either kind.
    @Test
    void sizes_lowercaseBAfterAPrefix_isRefused() {
        assertThatThrownBy(() -> ByteSize.parse("memory", "1Gb")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("memory: a non-negative size like 4096, 256M, 4G or 64GiB (binary), or 4GB (decimal); "
                        + "a lowercase b is a bit (got '1Gb')");
        assertThatThrownBy(() -> ByteSize.parse("memory", "5iB")).isInstanceOf(InvalidSpecException.class);
    }

    // Guards against --bandwidth 100MB/s being read as 100 MiB/s (5 % more) and 100MBps as megabits (8x less).
    @Test
    void rates_siIsDecimal_binaryIsBinary_bitsAreBits() {
        assertThat(DataRate.parse("bandwidth", "100MB/s").bytesPerSecond()).isEqualTo(1e8);
        assertThat(DataRate.parse("bandwidth", "100MBps").bytesPerSecond()).isEqualTo(1e8);
        assertThat(DataRate.parse("bandwidth", "100MiB/s").bytesPerSecond()).isEqualTo(100.0 * (1 << 20));
        assertThat(DataRate.parse("bandwidth", "100M").bytesPerSecond()).isEqualTo(100.0 * (1 << 20));
        assertThat(DataRate.parse("bandwidth", "100M/s").bytesPerSecond()).isEqualTo(100.0 * (1 << 20));
        assertThat(DataRate.parse("bandwidth", "800Mbit/s").bytesPerSecond()).isEqualTo(1e8);
        assertThat(DataRate.parse("bandwidth", "800Mbps").bytesPerSecond()).isEqualTo(1e8);
        assertThat(DataRate.parse("bandwidth", "10Gbit/s").bytesPerSecond()).isEqualTo(1.25e9);
        assertThat(DataRate.parse("bandwidth", "1gib/s").bytesPerSecond()).isEqualTo(1 << 30);
    }

    // Guards against 100Mb/s (megabits to a network engineer) being read as mebibytes.
    @Test
    void rates_loneLowercaseB_isRefused() {
        assertThatThrownBy(() -> DataRate.parse("bandwidth", "100Mb/s")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("bandwidth: a rate > 0 like 100MiB/s, 1GiB/s, 800Mbit/s or 10Gbit/s, or 100MB/s "
                        + "(10^6 B/s); a lone lowercase b could be a bit or a byte (got '100Mb/s')");
        assertThatThrownBy(() -> DataRate.parse("bandwidth", "100Mbps/s")).isInstanceOf(InvalidSpecException.class);
    }
}
