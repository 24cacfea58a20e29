package io.miglab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.miglab.core.algorithm.AlgorithmRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The --vary syntax: lists, arithmetic and geometric ranges, in each parameter's units. */
class SweepAxisParserTest {
    private static SweepAxis parse(String vary) {
        return SweepAxisParser.parse(vary, AlgorithmRegistry.standard());
    }

    private static List<Double> xs(SweepAxis a) {
        return a.values().stream().map(SweepAxis.Value::x).toList();
    }

    // Guards against a geometric range missing its end point or overshooting it.
    @Test
    void geometricRange_includesBothEnds() {
        SweepAxis a = parse("memory=256M..4G*2");
        assertThat(xs(a)).containsExactly(256.0, 512.0, 1024.0, 2048.0, 4096.0);
        assertThat(a.values().get(0).text()).isEqualTo(Long.toString(256L << 20));
        assertThat(a.values().get(4).label()).isEqualTo("4GiB");
    }

    // Guards against floating-point drift dropping the last point of an arithmetic range.
    @Test
    void arithmeticRange_includesTheEnd() {
        assertThat(xs(parse("dirty-rate=0..50000+5000"))).hasSize(11).endsWith(50000.0);
        assertThat(xs(parse("downtime-limit=100ms..300ms+100ms"))).containsExactly(100.0, 200.0, 300.0);
        assertThat(xs(parse("dirty-rate=0..1+0.1"))).hasSize(11);
    }

    // Guards against rates in a list being read in different units than the flag reads them.
    @Test
    void list_usesTheFlagsUnits() {
        SweepAxis a = parse("bandwidth=10M,1Gbit/s");
        assertThat(xs(a).get(0)).isEqualTo(10.0);
        assertThat(xs(a).get(1)).isCloseTo(119.2, org.assertj.core.api.Assertions.within(0.1));
        assertThat(a.values().get(1).text()).isEqualTo("1Gbit/s");
    }

    // Guards against runaway or empty ranges.
    @Test
    void badRanges_areRejected() {
        assertThatThrownBy(() -> parse("memory=1G..256M*2")).hasMessageContaining("end is not below its start");
        assertThatThrownBy(() -> parse("memory=256M..1G*1")).hasMessageContaining("a number > 1");
        assertThatThrownBy(() -> parse("dirty-rate=0..1000000+1")).hasMessageContaining("at most 1000 points");
        assertThatThrownBy(() -> parse("dirty-rate=0..100")).hasMessageContaining("FROM..TO+STEP");
        assertThatThrownBy(() -> parse("algorithm=precopy,warp"))
                .hasMessage("algorithm: one of stop-and-copy, precopy, postcopy, hybrid (got 'warp')");
    }
}
