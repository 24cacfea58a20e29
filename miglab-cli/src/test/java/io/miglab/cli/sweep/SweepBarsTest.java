package io.miglab.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.internal.chartpart.Chart;

/** A sweep of algorithms alone: one bar per algorithm in its own colour; pre-copy cancelled, no 0 ms bar. */
class SweepBarsTest {
    static Map<String, Chart<?, ?>> charts;

    @BeforeAll
    static void sweep() throws Exception {
        AlgorithmRegistry registry = AlgorithmRegistry.standard();
        ScenarioValues base = ScenarioValues.empty().with("memory", "256M", "test")
                .with("bandwidth", "100MiB/s", "test").with("write-model", "uniform", "test")
                .with("dirty-rate", "40000", "test").with("timeout", "10s", "test");
        List<SweepAxis> axes = List.of(SweepAxisParser.parse("algorithm=precopy,postcopy,stop-and-copy", registry));
        SpecFactory factory = new SpecFactory(registry);
        List<SweepPoint> points = SweepRunner.run(base, axes, factory, new PageLevelSimulator(registry), false);
        PlotContext context = PlotContext.of(factory.build(SweepRunner.values(base, axes,
                points.get(0).coordinates())), axes);
        charts = SweepPlotter.charts(axes, points, context);
        SweepPlotter.plot(axes, points, context, Files.createDirectories(Path.of("target", "screenshots", "bars")),
                SweepPlotter.Format.PNG);
    }

    private static Map<String, CategorySeries> series(String chart) {
        return ((CategoryChart) charts.get(chart)).getSeriesMap();
    }

    @Test
    void eachAlgorithmHasItsColourAndACancelledOneNoDowntimeBar() {
        Map<String, CategorySeries> downtime = series("downtime");
        assertThat(downtime.get("postcopy").getFillColor())
                .isEqualTo(new Color(Palette.rgb(Palette.colour("postcopy"))));
        assertThat(downtime).doesNotContainKey("precopy");
        CategorySeries note = downtime.get("did not switch over: precopy, no downtime");
        assertThat(note.getYData()).allMatch(v -> v == null || Double.isNaN(v.doubleValue()));
        Map<String, CategorySeries> total = series("total-time");
        assertThat(total.get(Palette.NOT_SWITCHED_NAME).getFillColor())
                .isEqualTo(new Color(Palette.rgb(Palette.NOT_SWITCHED)));
        assertThat(charts.get("downtime").getTitle())
                .isEqualTo("Downtime by algorithm · 256 MiB guest, 100 MiB/s link");
    }
}
