package io.miglab.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.report.testing.ReportChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineChartTest {
    private final LineChart chart = new LineChart("Hosts", "time", "hosts")
            .series("switched on", new double[] {0, 3600, 7200, 21_300}, new double[] {16, 10, 10, 9})
            .series("over-utilised", new double[] {0, 3600, 7200, 21_300}, new double[] {0, 2, Double.NaN, 1})
            .timeAxis();

    // The datacenter's legend sat on top of the lines; it goes under the plot area.
    @Test
    void theLegendIsUnderThePlotAndTicksAreRound() {
        String svg = chart.svg();
        ReportChecks.assertLegendsOutsidePlots(svg);
        ReportChecks.assertRoundTicks(svg);
        assertThat(ReportChecks.ticks(svg, "tick x time")).containsExactly("0", "1", "2", "3", "4", "5", "6");
        assertThat(ReportChecks.ticks(svg, "tick y")).containsExactly("0", "5", "10", "15", "20");
        assertThat(svg).contains(">time (h)<", ">switched on<", ">over-utilised<");
    }

    // A missing value is a gap in the line, not a drop to zero.
    @Test
    void aMissingValueBreaksTheLine() {
        String svg = chart.svg();
        String over = svg.substring(svg.indexOf("<path class=\"line\"", svg.indexOf("<path class=\"line\"") + 1));
        String d = over.substring(over.indexOf("d=\"") + 3, over.indexOf('"', over.indexOf("d=\"") + 3));
        assertThat(d.split("M", -1)).hasSize(3);
        assertThat(svg.split("</circle>", -1)).hasSize(1 + 4 + 3);
    }

    // Values sit where the axis says: 10 of 20 at half the plot height.
    @Test
    void pointsAreWhereTheAxisSaysTheyAre() {
        String svg = new LineChart("t", "x", "y").size(400, 200).series("a", new double[] {0, 10}, new double[] {0, 10})
                .svg();
        // plot from y=34 to 234, y axis 0..10: the point at 10 sits on the top edge, x from 66 to 382
        assertThat(svg).contains("d=\"M66.0,234.0 L382.0,34.0\"");
    }

    @Test
    void runsThatDidNotSwitchOverAreCrossesNamedInTheLegend() {
        String svg = new LineChart("Downtime", "dirty rate (pages/s)", "downtime (ms)")
                .series("precopy", List.of(new double[] {0, 2}, new double[] {5000, 213}))
                .notSwitched(35_000).referenceLine(300, "downtime limit 300 ms").svg();
        assertThat(svg).contains("class=\"cross\"", ">did not switch over<", ">downtime limit 300 ms<",
                "class=\"reference\"");
        ReportChecks.assertRoundTicks(svg);
    }
}
