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
    /** The name whose colour each coloured series takes: a real series and its simulator curve share one. */
    private final List<String> colourKeys = new ArrayList<>();
    private int bars;
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
        return line(name, name, x, y);
    }

    /** A line in the colour of {@code colourKey}'s series. */
    XyPlot line(String name, String colourKey, List<Double> x, List<Double> y) {
        chart.addSeries(name, x, y);
        coloured.add(name);
        colourKeys.add(colourKey);
        return this;
    }

    /** Real points under a simulator's curve: markers without a line, in the colour of {@code colourKey}. */
    XyPlot measured(String name, String colourKey, List<Double> x, List<Double> y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        coloured.add(name);
        colourKeys.add(colourKey);
        return this;
    }

    /** The simulator's curve over real points: a line without markers, in the colour of the real series. */
    XyPlot simulated(String name, String colourKey, List<Double> x, List<Double> y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(1.5f));
        coloured.add(name);
        colourKeys.add(colourKey);
        return this;
    }

    /** The spread of one real point's runs: a vertical bar from {@code lo} to {@code hi}, not in the legend. */
    XyPlot spread(String colourKey, double x, double lo, double hi) {
        String name = "spread " + (++bars);
        XYSeries s = chart.addSeries(name, new double[] {x, x}, new double[] {lo, hi});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(new BasicStroke(2.5f));
        s.setShowInLegend(false);
        coloured.add(name);
        colourKeys.add(colourKey);
        return this;
    }

    /** Runs that did not switch over: crosses, no line; with every y null, a legend entry naming them only. */
    XyPlot notSwitched(String name, List<Double> x, List<Double> y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CROSS);
        coloured.add(name);
        colourKeys.add(name);
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
        List<String> keys = colourKeys.stream().distinct().toList();
        List<String> colours = Palette.colours(keys);
        Map<String, XYSeries> series = chart.getSeriesMap();
        for (int i = 0; i < coloured.size(); i++) {
            Color c = new Color(Palette.rgb(colours.get(keys.indexOf(colourKeys.get(i)))));
            XYSeries s = series.get(coloured.get(i));
            s.setLineColor(c);
            s.setMarkerColor(c);
        }
        Color grey = new Color(Palette.rgb(Palette.REFERENCE));
        for (String r : references) series.get(r).setLineColor(grey);
        int legendChars = series.values().stream().filter(XYSeries::isShowInLegend)
                .mapToInt(n -> n.getName().length() + 8).sum();
        if (legendChars > LEGEND_ROW_CHARS) chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        return chart;
    }
}
