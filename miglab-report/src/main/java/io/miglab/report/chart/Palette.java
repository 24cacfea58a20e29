package io.miglab.report.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one palette of miglab's charts (HTML reports and the command's PNG/SVG plots): a series has the same colour
 * wherever it is drawn. Names miglab draws often have fixed colours (pre-copy is always blue, stop-and-copy
 * orange, post-copy green; each benchmark workload and host load its own); other names get a colour from their
 * hash, moved to the next free colour only when two series of one chart would share it. Colour-blind-safe
 * (Okabe-Ito) first, then distinct darker hues.
 */
public final class Palette {
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#8C6D1F", "#332288", "#44AA99", "#882255"};
    /** Runs that never switched over (cancelled, guest left on the source): grey, drawn as crosses. */
    public static final String NOT_SWITCHED = "#7F7F7F";
    /** Reference and limit lines (score 1000, downtime limit, link capacity). */
    public static final String REFERENCE = "#333333";
    public static final String NOT_SWITCHED_NAME = "did not switch over";

    private static final Map<String, Integer> KNOWN = Map.ofEntries(
            Map.entry("precopy", 0), Map.entry("stopandcopy", 1), Map.entry("postcopy", 2), Map.entry("hybrid", 3),
            Map.entry("closedform", 5), Map.entry("sim", 0), Map.entry("qemu", 1),
            Map.entry("light", 0), Map.entry("heavy", 5),
            Map.entry("idle", 4), Map.entry("memlow", 6), Map.entry("memmid", 1), Map.entry("memhigh", 5),
            Map.entry("cpu", 7), Map.entry("web", 2), Map.entry("file", 3));

    private Palette() { }

    /** The colour of a series named {@code name}, alone in its chart. */
    public static String colour(String name) {
        return colours(List.of(name)).get(0);
    }

    /** The colours of a chart's series, in order: fixed ones kept, hashed ones moved off each other. */
    public static List<String> colours(List<String> names) {
        List<String> out = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (String n : names) if (known(n)) used.add(KNOWN.get(key(n)));
        for (String n : names) {
            if (isNotSwitched(n)) {
                out.add(NOT_SWITCHED);
                continue;
            }
            int s = slot(n);
            if (!known(n)) {
                for (int i = 0; i < COLOURS.length && used.contains(s); i++) s = (s + 1) % COLOURS.length;
                used.add(s);
            }
            out.add(COLOURS[s]);
        }
        return out;
    }

    /** As a 0xRRGGBB integer, for drawing libraries. */
    public static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    private static boolean isNotSwitched(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(NOT_SWITCHED_NAME);
    }

    private static int slot(String name) {
        Integer k = KNOWN.get(key(name));
        return k != null ? k : Math.floorMod(name.hashCode(), COLOURS.length);
    }

    private static boolean known(String name) {
        return KNOWN.containsKey(key(name));
    }

    /** "Pre-copy", "pre-copy" and "precopy" are one series. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
