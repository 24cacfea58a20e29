package io.miglab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.miglab.cli.Cli;
import io.miglab.cli.spec.ScenarioValues;
import io.miglab.cli.spec.SpecFactory;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.sim.PageLevelSimulator;
import io.miglab.report.chart.Palette;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The demo's plots as a person reads them: a 1 GiB guest over 1 Gbit/s, random writes at 0 to 40,000 pages/s,
 * pre-copy cancelled at the 60 s timeout beyond the link's capacity (about 30,500 pages/s). The PNGs are kept in
 * {@code target/screenshots/demo} for a person to look at.
 */
class DemoPlotsTest {
    static Map<String, Chart<?, ?>> charts;

    @BeforeAll
    static void sweep() throws Exception {
        AlgorithmRegistry registry = AlgorithmRegistry.standard();
        ScenarioValues base = ScenarioValues.empty().with("memory", "1G", "test").with("bandwidth", "1Gbit/s", "test")
                .with("write-model", "uniform", "test").with("dirty-rate", "0", "test").with("timeout", "60s", "test");
        List<SweepAxis> axes = List.of(SweepAxisParser.parse("dirty-rate=0..40000+10000", registry));
        SpecFactory factory = new SpecFactory(registry);
        List<SweepPoint> points = SweepRunner.run(base, axes, factory, new PageLevelSimulator(registry), true);
        PlotContext context = PlotContext.of(factory.build(SweepRunner.values(base, axes,
                points.get(0).coordinates())), axes);
        charts = SweepPlotter.charts(axes, points, context);
        SweepPlotter.plot(axes, points, context, Files.createDirectories(Path.of("target", "screenshots", "demo")),
                SweepPlotter.Format.PNG);
    }

    private static XYSeries series(String chart, String prefix) {
        return ((XYChart) charts.get(chart)).getSeriesMap().values().stream().filter(s -> s.getName()
                .startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix + " in " + chart));
    }

    // Cancelled runs were drawn as 0 ms of downtime, joined by a line.
    @Test
    void runsThatDidNotSwitchOverHaveNoDowntimePoint() {
        XYSeries pre = series("downtime", "precopy");
        double[] x = pre.getXData(), y = pre.getYData();
        assertThat(x).containsExactly(0, 10_000, 20_000, 30_000, 40_000);
        assertThat(y[4]).isNaN();
        assertThat(y[3]).isPositive();
        XYSeries note = series("downtime", Palette.NOT_SWITCHED_NAME);
        assertThat(note.getName())
                .isEqualTo("did not switch over at 40,000 pages/s: no downtime (cancelled at timeout)");
        assertThat(note.getYData()).containsOnly(Double.NaN);
        XYSeries total = series("total-time", Palette.NOT_SWITCHED_NAME);
        assertThat(total.getXYSeriesRenderStyle()).isEqualTo(XYSeries.XYSeriesRenderStyle.Scatter);
        assertThat(total.getYData()).hasSize(1);
        assertThat(total.getYData()[0]).isBetween(60.0, 62.0); // the cancel, at the first check after 60 s
    }

    // The downtime limit and the link's capacity were nowhere on the plots, nor the guest and the link.
    @Test
    void limitsAreDrawnAndTheTitleNamesTheSetting() {
        assertThat(series("downtime", "downtime limit 300 ms").getYData()).containsExactly(300, 300);
        XYSeries capacity = series("total-time", "link capacity 30,500 pages/s");
        assertThat(capacity.getXData()[0]).isEqualTo(capacity.getXData()[1]).isBetween(30_400.0, 30_600.0);
        assertThat(charts.get("downtime").getTitle()).isEqualTo("Downtime vs dirty rate · 1 GiB guest, 1 Gbit/s link");
    }

    // "stop-and-copy" had the colour that meant "cancelled" in the next plot.
    @Test
    void aSeriesHasOneColourInEveryPlot() {
        Color pre = series("total-time", "precopy").getLineColor();
        assertThat(series("downtime", "precopy").getLineColor()).isEqualTo(pre);
        assertThat(series("precopy-vs-stop-and-copy", "pre-copy").getLineColor()).isEqualTo(pre);
        assertThat(series("precopy-vs-stop-and-copy", "stop-and-copy").getLineColor())
                .isEqualTo(new Color(Palette.rgb(Palette.colour("stop-and-copy"))));
        Color grey = new Color(Palette.rgb(Palette.NOT_SWITCHED));
        assertThat(series("total-time", Palette.NOT_SWITCHED_NAME).getMarkerColor()).isEqualTo(grey);
        assertThat(series("precopy-vs-stop-and-copy", Palette.NOT_SWITCHED_NAME).getMarkerColor()).isEqualTo(grey);
    }

    // The pre-copy time plot nearly repeated the total time plot; data transferred says something else.
    @Test
    void thePlotsAreTotalTimeDataAndDowntime() {
        assertThat(charts.keySet()).containsExactly("total-time", "data-transferred", "downtime",
                "precopy-vs-stop-and-copy");
        assertThat(Cli.run("demo", "--help").exitCode()).isZero();
    }
}
