package io.miglab.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.report.testing.ReportChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {
    // Bars must be as tall as their value on the axis, and the reference line must be drawn at its value.
    @Test
    void barsAndTheReferenceLineMatchTheAxis() {
        String svg = new BarChart("Scores", "score", "metric", List.of("downtime", "data")).size(400, 200)
                .series("light", List.of(1000.0, 500.0)).series("heavy", List.of(Double.NaN, 250.0))
                .referenceLine(1000, "reference = 1000").svg();
        ReportChecks.assertRoundTicks(svg);
        ReportChecks.assertLegendsOutsidePlots(svg);
        assertThat(ReportChecks.ticks(svg, "tick y")).containsExactly("0", "200", "400", "600", "800", "1,000");
        // plot 200 high from y=34: 1000 of 1000 is the full height, 500 half, 250 a quarter
        assertThat(svg).contains("height=\"200.0\" fill=\"" + Palette.colour("light"));
        assertThat(svg).contains("height=\"100.0\" fill=\"" + Palette.colour("light"));
        assertThat(svg).contains("height=\"50.0\" fill=\"" + Palette.colour("heavy"));
        assertThat(svg.split("<rect class=\"bar\"", -1)).hasSize(1 + 3);
        assertThat(svg).contains("class=\"reference\" x1=\"66.0\" y1=\"34.0\"");
    }
}
