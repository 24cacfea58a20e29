package io.miglab.report.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person checks when reading a miglab report, as assertions on its HTML: round axis ticks, no Java text
 * (record syntax, Optional, ISO durations, exponents, class names), one unit per table column, legends outside the
 * plot area.
 */
public final class ReportChecks {
    private static final Pattern SVG = Pattern.compile("<svg[^>]*class=\"chart\".*?</svg>", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-|[-+]?\\d[\\d,]*(\\.\\d+)?");
    private static final List<Pattern> JAVA_TEXT = List.of(Pattern.compile("Optional"),
            Pattern.compile("\\bPT\\d"), Pattern.compile("\\w\\[[^\\]]*="), Pattern.compile("\\d[eE][+-]?\\d"),
            Pattern.compile("\\bjava\\."), Pattern.compile("@[0-9a-f]{6,}"), Pattern.compile("\\bnull\\b"));

    private ReportChecks() { }

    /** Every check below. */
    public static void assertReadable(String html) {
        assertRoundTicks(html);
        assertNoJavaText(html);
        assertOneUnitPerColumn(html);
        assertLegendsOutsidePlots(html);
    }

    public static List<String> charts(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) out.add(m.group());
        return out;
    }

    /** The labels of the ticks with class {@code cls} ("tick y", "tick x", "tick x time") of one chart. */
    public static List<String> ticks(String svg, String cls) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<text class=\"" + cls + "\"[^>]*>([^<]*)</text>").matcher(svg);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** Ticks equally spaced, on multiples of a step of 1, 2, 2.5 or 5 x 10^k (time axes: whole hours or minutes
     * such as 3, 6, 12, 15, 30). */
    public static void assertRoundTicks(String html) {
        for (String svg : charts(html)) {
            String title = title(svg);
            assertRound(title + ": y", ticks(svg, "tick y"), false);
            assertRound(title + ": x", ticks(svg, "tick x"), false);
            assertRound(title + ": time", ticks(svg, "tick x time"), true);
        }
    }

    private static void assertRound(String what, List<String> labels, boolean time) {
        if (labels.isEmpty()) return;
        assertThat(labels).as(what).hasSizeGreaterThanOrEqualTo(2);
        List<BigDecimal> v = labels.stream().map(l -> new BigDecimal(l.replace(",", ""))).toList();
        BigDecimal step = v.get(1).subtract(v.get(0));
        assertThat(step.signum()).as(what + " rising " + labels).isPositive();
        for (int i = 1; i < v.size(); i++) {
            assertThat(v.get(i).subtract(v.get(i - 1))).as(what + " evenly spaced " + labels)
                    .isEqualByComparingTo(step);
        }
        BigDecimal mantissa = step.movePointLeft(step.precision() - step.scale() - 1).stripTrailingZeros();
        boolean nice = List.of("1", "2", "2.5", "5").contains(mantissa.toPlainString());
        boolean roundTime = time && List.of(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 24, 30, 48, 60, 72, 168)
                .contains(step.stripTrailingZeros().scale() <= 0 ? step.intValue() : -1);
        assertThat(nice || roundTime).as(what + " step " + step.toPlainString() + " of " + labels).isTrue();
        for (BigDecimal x : v) {
            assertThat(x.remainder(step).signum()).as(what + " " + x + " on a multiple of " + step).isZero();
        }
    }

    /** Visible text (scripts and styles dropped, tags removed) free of Java's own notation. */
    public static void assertNoJavaText(String html) {
        String text = visibleText(html);
        for (Pattern p : JAVA_TEXT) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 60), to = Math.min(text.length(), m.end() + 60);
                throw new AssertionError("Java text '" + m.group() + "' in: ..." + text.substring(from, to) + "...");
            }
        }
    }

    public static String visibleText(String html) {
        return html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<title>.*?</title>", " ")
                .replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'");
    }

    /**
     * Numeric columns hold bare numbers (several separated by " / " at most), their unit named once in the header;
     * no header names two units.
     */
    public static void assertOneUnitPerColumn(String html) {
        Matcher t = Pattern.compile("<table.*?</table>", Pattern.DOTALL).matcher(html);
        int tables = 0;
        while (t.find()) {
            tables++;
            String table = t.group();
            List<String> heads = new ArrayList<>();
            Matcher h = Pattern.compile("<th class=\"(\\w+)\"[^>]*>(.*?)</th>").matcher(table);
            while (h.find()) heads.add(h.group(1) + "|" + h.group(2));
            for (String head : heads) {
                assertThat(head.split("\\(", -1).length - 1).as("one unit in header " + head).isLessThanOrEqualTo(1);
            }
            Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table);
            while (row.find()) {
                Matcher cell = Pattern.compile("<td class=\"(\\w+)\">(.*?)</td>").matcher(row.group(1));
                int i = 0;
                while (cell.find()) {
                    if (cell.group(1).equals("num")) {
                        String text = visibleText(cell.group(2)).trim().replaceAll("\\s+", " ");
                        for (String part : text.split(" / ")) {
                            assertThat(NUMBER.matcher(part).matches()).as("a bare number in column '"
                                    + (i < heads.size() ? heads.get(i) : "?") + "': '" + text + "'").isTrue();
                        }
                    }
                    i++;
                }
            }
        }
        assertThat(tables).as("tables").isPositive();
    }

    /** Every legend entry lies below the plot area of its chart. */
    public static void assertLegendsOutsidePlots(String html) {
        Pattern plot = Pattern.compile("<rect class=\"plot\" x=\"[\\d.]+\" y=\"([\\d.]+)\" width=\"[\\d.]+\""
                + " height=\"([\\d.]+)\"");
        for (String svg : charts(html)) {
            Matcher p = plot.matcher(svg);
            assertThat(p.find()).as("plot area of " + title(svg)).isTrue();
            double bottom = Double.parseDouble(p.group(1)) + Double.parseDouble(p.group(2));
            int legend = svg.indexOf("<g class=\"legend\"");
            if (legend < 0) continue;
            Matcher y = Pattern.compile(" y=\"([\\d.]+)\"").matcher(svg.substring(legend));
            while (y.find()) {
                assertThat(Double.parseDouble(y.group(1))).as("legend of " + title(svg) + " under the plot")
                        .isGreaterThan(bottom);
            }
        }
    }

    private static String title(String svg) {
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(svg);
        return m.find() ? m.group(1) : "?";
    }
}
