package io.miglab.cli.sweep;

import io.miglab.report.chart.Palette;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * A sweep of algorithms alone: one bar per algorithm in the algorithm's own colour (the {@link Palette}), a run
 * that did not switch over as a grey bar (or, for downtime, no bar and a legend note).
 */
final class SweepBars {
    private SweepBars() { }

    static CategoryChart chart(SweepMetric m, List<SweepPoint> points, PlotContext context) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(560)
                .title(context.title(m.title + " by algorithm")).xAxisTitle("algorithm").yAxisTitle(m.yTitle).build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal);
        List<String> names = points.stream().map(p -> p.result().algorithm()).toList();
        List<String> colours = Palette.colours(names);
        List<String> cancelled = new ArrayList<>();
        Double[] notSwitched = new Double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            var r = points.get(i).result();
            if (!r.outcome().completed()) {
                cancelled.add(names.get(i));
                if (m.ofCancelled) notSwitched[i] = m.of(r);
                continue;
            }
            Double[] values = new Double[points.size()];
            values[i] = m.of(r);
            CategorySeries s = chart.addSeries(names.get(i), names, Arrays.asList(values));
            s.setFillColor(new Color(Palette.rgb(colours.get(i))));
        }
        if (!cancelled.isEmpty()) {
            String name = Palette.NOT_SWITCHED_NAME + (m.ofCancelled ? "" : ": " + String.join(", ", cancelled)
                    + ", no downtime");
            CategorySeries s = chart.addSeries(name, names, Arrays.asList(notSwitched));
            s.setFillColor(new Color(Palette.rgb(Palette.NOT_SWITCHED)));
        }
        return chart;
    }
}
