package io.miglab.cli.spec;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One input of a migration, declared once in {@link Settings}: its name (the flag without dashes and the scenario
 * key), type, the syntax shown in the help, its default, its help text (without the default: {@link #helpLine}
 * appends it), and where it is taken. The picocli options, the scenario-key check and the flag table of
 * docs/cli.md are all made from these records.
 *
 * @param group      the heading it is listed under in docs/cli.md
 * @param range      the values allowed beyond the type, in the flag's own units (docs/cli.md), or null
 * @param datacenter the same setting in a datacenter scenario (docs/datacenter.md), or null
 * @param note       more detail for docs/cli.md only, or null
 * @param bench      how {@code miglab bench} shows it, when it takes it with another default or meaning
 */
public record Setting(String name, Type type, String label, String group, String help, Default dflt,
                      Set<Use> uses, String range, String datacenter, String note, Optional<Variant> bench) {

    /** What a value is; the word is the docs' "value" column. */
    public enum Type {
        SIZE("size"), RATE("rate"), DURATION("duration"), SHARE("share"), INTEGER("integer"), NUMBER("number"),
        BOOLEAN(""), CHOICE("one of"), TEXT("text"), FILE("file");

        public final String word;

        Type(String word) {
            this.word = word;
        }
    }

    /** Where a setting is taken. */
    public enum Use {
        SIMULATE("simulate"), PREDICT("predict"), SWEEP("sweep"), MIGRATE("migrate"), BENCH("bench"),
        SCENARIO_FILE("scenario file"), NETLAB("netlab");

        public final String label;

        Use(String label) {
            this.label = label;
        }

        /** The commands that take every flag of {@code SpecOptions}. */
        public static final Set<Use> RUNS = EnumSet.of(SIMULATE, PREDICT, SWEEP, MIGRATE);
    }

    /**
     * A default: {@code value} is what an input left out means (null when nothing is assumed: the setting is off,
     * or chosen from others), {@code shown} what the help and the docs say (null: nothing is said).
     */
    public record Default(String value, String shown) {
        public static Default of(String value) {
            return new Default(value, value);
        }

        public static Default of(boolean on) {
            return new Default(Boolean.toString(on), on ? "on" : "off");
        }

        public static Default of(long n) {
            return of(Long.toString(n));
        }

        public static Default of(Duration d) {
            return of(text(d));
        }

        /** A size in bytes, written with the largest binary suffix that keeps it whole: 4K, 64M, 1G. */
        public static Default ofBytes(long bytes) {
            String[] suffixes = {"", "K", "M", "G", "T"};
            int i = 0;
            long n = bytes;
            while (n != 0 && n % 1024 == 0 && i < suffixes.length - 1) {
                n /= 1024;
                i++;
            }
            return of(n + suffixes[i]);
        }

        /** No default: the input is absent unless given; the help says {@code shown} ("none", or how it is chosen). */
        public static Default absent(String shown) {
            return new Default(null, shown);
        }

        /** No default, and none is mentioned (a file to read, for instance). */
        public static Default unstated() {
            return new Default(null, null);
        }

        /** A duration in the flags' syntax, in the largest unit that keeps it whole: 300ms, 60s, 1h. */
        public static String text(Duration d) {
            long ms = d.toMillis();
            if (d.toNanos() % 1_000_000 != 0) return d.toNanos() / 1000.0 + "us";
            if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
            if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
            if (ms % 1000 == 0 && ms > 0) return ms / 1000 + "s";
            return ms + "ms";
        }
    }

    /** The setting as {@code miglab bench} has it; a null label or help is the setting's own. */
    public record Variant(String label, String help, Default dflt) { }

    public Setting {
        uses = Set.copyOf(uses);
    }

    public boolean takenBy(Use use) {
        return uses.contains(use);
    }

    public String flag() {
        return "--" + name;
    }

    /** The help text with its default appended: {@code Guest RAM: ... Default: 1G}. */
    public String helpLine() {
        return helpLine(help, dflt);
    }

    /** Another help text (one made at run time) with this setting's default appended. */
    public String helpLine(String otherHelp) {
        return helpLine(otherHelp, dflt);
    }

    static String helpLine(String help, Default d) {
        return d.shown() == null ? help : help + " Default: " + d.shown();
    }

    /** As {@code use} shows it: the bench variant's label, help and default where there is one. */
    public Setting as(Use use) {
        if (use != Use.BENCH || bench.isEmpty()) return this;
        Variant v = bench.get();
        return new Setting(name, type, v.label() == null ? label : v.label(), group,
                v.help() == null ? help : v.help(), v.dflt() == null ? dflt : v.dflt(), uses, range, datacenter, note,
                Optional.empty());
    }

    public Setting withBench(String benchLabel, String benchHelp, Default benchDefault) {
        return new Setting(name, type, label, group, help, dflt, union(uses, Use.BENCH), range, datacenter, note,
                Optional.of(new Variant(benchLabel, benchHelp, benchDefault)));
    }

    public Setting alsoBench() {
        return new Setting(name, type, label, group, help, dflt, union(uses, Use.BENCH), range, datacenter, note,
                bench);
    }

    /** Also taken by {@code use} (a command that has the setting among the spec flags anyway). */
    public Setting alsoFor(Use use) {
        return new Setting(name, type, label, group, help, dflt, union(uses, use), range, datacenter, note, bench);
    }

    public Setting range(String allowed) {
        return new Setting(name, type, label, group, help, dflt, uses, allowed, datacenter, note, bench);
    }

    public Setting datacenter(String key) {
        return new Setting(name, type, label, group, help, dflt, uses, range, key, note, bench);
    }

    public Setting note(String text) {
        return new Setting(name, type, label, group, help, dflt, uses, range, datacenter, text, bench);
    }

    private static Set<Use> union(Set<Use> uses, Use more) {
        EnumSet<Use> u = EnumSet.of(more);
        u.addAll(uses);
        return u;
    }
}
