package io.miglab.cli.sweep;

import io.miglab.report.chart.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An XChart line plot drawn the way miglab's HTML charts are: colours from the report kit's {@link Palette} (the
 * same series has the same colour in every plot), the legend under the plot, y from 0, a null value a gap in its
 * line, runs that did not switch over as grey crosses with no line, limits as dashed lines named in the legend.
 */
final class XyPlot {
    /** About what one legend row under a 900 px plot holds. */
    private static final int LEGEND_ROW_CHARS = 110;
    private final XYChart chart;
    private final List<String> coloured = new ArrayList<>();
    private final List<String> references = new ArrayList<>();

    XyPlot(String title, String xTitle, String yTitle) {
        chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal).setMarkerSize(7);
    }

    /** A line through the points; a null y leaves a gap. */
    XyPlot line(String name, List<Double> x, List<Double> y) {
        chart.addSeries(name, x, y);
        coloured.add(name);
        return this;
    }

    /** Runs that did not switch over: crosses, no line; with every y null, a legend entry naming them only. */
    XyPlot notSwitched(String name, List<Double> x, List<Double> y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CROSS);
        coloured.add(name);
        return this;
    }

    /** A dashed line from (x0, y0) to (x1, y1), named in the legend: a limit. */
    XyPlot limit(String name, double x0, double y0, double x1, double y1) {
        return reference(name, x0, y0, x1, y1, SeriesLines.DASH_DASH);
    }

    /** A dotted line, named in the legend: a capacity. */
    XyPlot capacity(String name, double x0, double y0, double x1, double y1) {
        return reference(name, x0, y0, x1, y1, SeriesLines.DOT_DOT);
    }

    private XyPlot reference(String name, double x0, double y0, double x1, double y1, BasicStroke line) {
        XYSeries s = chart.addSeries(name, new double[] {x0, x1}, new double[] {y0, y1});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(line);
        references.add(name);
        return this;
    }

    XYChart chart() {
        List<String> colours = Palette.colours(coloured);
        Map<String, XYSeries> series = chart.getSeriesMap();
        for (int i = 0; i < coloured.size(); i++) {
            Color c = new Color(Palette.rgb(colours.get(i)));
            XYSeries s = series.get(coloured.get(i));
            s.setLineColor(c);
            s.setMarkerColor(c);
        }
        Color grey = new Color(Palette.rgb(Palette.REFERENCE));
        for (String r : references) series.get(r).setLineColor(grey);
        int legendChars = series.keySet().stream().mapToInt(n -> n.length() + 8).sum();
        if (legendChars > LEGEND_ROW_CHARS) chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        return chart;
    }
}
