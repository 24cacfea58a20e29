package io.miglab.cli.spec;

import io.miglab.cli.spec.Setting.Use;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Makes picocli options from {@link Settings}: a switch ({@link Setting.Type#BOOLEAN}) is negatable
 * ({@code --xbzrle}, {@code --no-xbzrle}) and left unset when not given; a file is a {@code Path}; anything else is
 * kept as the text typed, parsed later like a scenario file's value. A mixin adds them to its spec in a picocli
 * model transformer and reads them back from the command it is mixed into ({@code @Spec(MIXEE)}).
 */
public final class SettingOptions {
    /** Help texts the registry fills in at run time (see the CLI's {@code DynamicHelp}), by setting name. */
    public static final List<String> DYNAMIC_HELP = List.of("algorithm");
    /** Settings whose flag may be given several times; their values are joined by {@link #REPEAT_SEPARATOR}. */
    public static final List<String> REPEATABLE = List.of("qemu-arg");
    /** Between the values of a repeated flag (no value may hold a line break). */
    public static final String REPEAT_SEPARATOR = "\n";

    private SettingOptions() { }

    /**
     * Adds the options of the settings {@code use} takes to {@code spec}; {@code ordered} gives them picocli
     * orders 0, 1, ... in the table's order (for commands with {@code sortOptions = false} and ordered options).
     */
    public static CommandSpec addTo(CommandSpec spec, Use use, boolean ordered) {
        List<Setting> settings = Settings.of(use);
        for (int i = 0; i < settings.size(); i++) spec.addOption(option(settings.get(i), ordered ? i : null));
        return spec;
    }

    static OptionSpec option(Setting s, Integer order) {
        OptionSpec.Builder b = OptionSpec.builder(s.flag())
                .description(escape(s.helpLine()));
        if (DYNAMIC_HELP.contains(s.name())) b.descriptionKey(s.name());
        if (order != null) b.order(order);
        switch (s.type()) {
            case BOOLEAN -> b.type(Boolean.class).negatable(true).arity("0");
            case FILE -> b.type(s.name().equals("scenario") ? Path.class : String.class).paramLabel(s.label());
            default -> {
                if (REPEATABLE.contains(s.name())) b.type(List.class).auxiliaryTypes(String.class);
                else b.type(String.class);
                b.paramLabel(s.label());
            }
        }
        return b.build();
    }

    /** The value given on the command line, as text; empty when the flag was not given. */
    public static Optional<String> given(CommandSpec command, Setting s) {
        OptionSpec o = command.findOption(s.flag());
        if (o == null) throw new IllegalStateException(s.flag() + " is not an option of " + command.name());
        Object v = o.getValue();
        if (v instanceof List<?> list) {
            return list.isEmpty() ? Optional.empty() : Optional.of(String.join(REPEAT_SEPARATOR,
                    list.stream().map(Object::toString).toList()));
        }
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    /** picocli reads descriptions as format strings. */
    private static String escape(String text) {
        return text.replace("%", "%%");
    }
}
