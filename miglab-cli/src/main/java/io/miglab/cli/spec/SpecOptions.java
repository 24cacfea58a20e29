package io.miglab.cli.spec;

import io.miglab.cli.spec.Setting.Use;
import io.miglab.core.algorithm.AlgorithmRegistry;
import io.miglab.core.spec.MigrationSpec;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The flags that describe one migration, as a picocli {@code @Mixin}: add {@code @Mixin SpecOptions spec;} to a
 * command and call {@link #toSpec}. The flags are made from {@link Settings} (the ones simulate, predict, sweep
 * and migrate take); each flag's name without dashes is also its key in a scenario file ({@code --scenario}), and
 * flags given on the command line override the file. The contract (names, units, defaults) is documented in
 * docs/cli.md, whose flag table is generated from the same list, and is stable.
 */
@Command(modelTransformer = SpecOptions.Flags.class)
public final class SpecOptions {
    /**
     * Adds the settings' options to the mixin, in the table's order; then a user's QEMU guest's, when the command
     * also mixes {@link QemuGuestOptions} in (picocli keeps one model transformer per command, the first mixin's).
     */
    public static final class Flags implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            SettingOptions.addTo(spec, Use.SIMULATE, true);
            if (spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof QemuGuestOptions)) {
                QemuGuestOptions.addTo(spec);
            }
            return spec;
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    public Optional<Path> scenario() {
        return Optional.ofNullable(command.findOption("--scenario").getValue());
    }

    /** The scenario file's values (if any) overridden by the flags given. */
    public ScenarioValues values() {
        ScenarioValues file = scenario().map(ScenarioReader::read).orElseGet(ScenarioValues::empty);
        return file.overriddenBy(flags());
    }

    /** Only the flags given on the command line, keyed by name without dashes. */
    public ScenarioValues flags() {
        ScenarioValues v = ScenarioValues.empty();
        for (Setting s : Settings.of(Use.SIMULATE)) {
            if (s.name().equals("scenario")) continue;
            Optional<String> given = SettingOptions.given(command, s);
            if (given.isPresent()) v = v.with(s.name(), given.get(), ScenarioValues.FLAG);
        }
        return v;
    }

    /** Reads the flags from {@code command}, whose options a mixin of its own added (picocli keeps one model
     * transformer per command, so a command with more settings adds these itself). */
    public static SpecOptions reading(CommandSpec command) {
        SpecOptions o = new SpecOptions();
        o.command = command;
        return o;
    }

    public MigrationSpec toSpec(AlgorithmRegistry registry) {
        return new SpecFactory(registry).build(values());
    }
}
