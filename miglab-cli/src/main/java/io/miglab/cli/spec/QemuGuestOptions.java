package io.miglab.cli.spec;

import io.miglab.cli.spec.Setting.Use;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.qemu.launch.GuestSource;
import io.miglab.qemu.launch.Readiness;
import io.miglab.qemu.launch.UserGuest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The flags of a user's own QEMU guest ({@link QemuGuestSettings}) as a picocli {@code @Mixin} beside
 * {@link SpecOptions} (whose model transformer adds them), read into a {@link UserGuest} for the QEMU backend's run
 * options. Its RAM and vCPUs are the spec's ({@code --memory}, {@code --vcpus}). Any guest flag without
 * {@code --guest-kernel} or {@code --guest-disk} is refused, naming it.
 */
@Command
public final class QemuGuestOptions {
    /** Where the guest flags start in a command's help: after the spec's flags, before the command's own. */
    static final int FIRST_ORDER = 90;

    /** Adds the guest settings (taken by migrate, not by the model commands) after the spec's flags. */
    static void addTo(CommandSpec spec) {
        for (int i = 0; i < QemuGuestSettings.ALL.size(); i++) {
            spec.addOption(SettingOptions.option(QemuGuestSettings.ALL.get(i), FIRST_ORDER + i));
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Optional<String> given(String name) {
        return SettingOptions.given(command, Settings.get(name));
    }

    /** Some guest flag was given (other than --ready-timeout, which miglab's guest takes too). */
    public boolean any() {
        return QemuGuestSettings.ALL.stream().anyMatch(s -> !s.name().equals("ready-timeout")
                && given(s.name()).isPresent());
    }

    /** How long the source may take to be ready: --ready-timeout, else the default. */
    public Duration readyTimeout() {
        return Values.duration("ready-timeout", given("ready-timeout")
                .orElseGet(() -> Settings.defaultValue("ready-timeout").orElseThrow()));
    }

    /** The user's guest, or empty for miglab's own; {@code spec} gives its vCPUs. */
    public Optional<UserGuest> userGuest(MigrationSpec spec) {
        Optional<String> kernel = given("guest-kernel");
        Optional<String> disk = given("guest-disk");
        if (kernel.isEmpty() && disk.isEmpty()) {
            for (Setting s : QemuGuestSettings.ALL) {
                if (s.name().equals("ready-timeout")) continue;
                given(s.name()).ifPresent(v -> {
                    throw new InvalidSpecException(s.name(), "only with --guest-kernel or --guest-disk (your own "
                            + "guest)", "'" + v + "'");
                });
            }
            return Optional.empty();
        }
        if (kernel.isPresent() && disk.isPresent()) {
            throw new InvalidSpecException("guest-disk", "not with --guest-kernel (one of the two boots the guest)",
                    "'" + disk.get() + "'");
        }
        GuestSource source;
        if (kernel.isPresent()) {
            only("guest-disk-format", "--guest-disk");
            only("guest-firmware", "--guest-disk");
            source = new GuestSource.Kernel(Path.of(kernel.get()), given("guest-initrd").map(Path::of),
                    given("guest-append").orElse(""));
        } else {
            only("guest-initrd", "--guest-kernel");
            only("guest-append", "--guest-kernel");
            source = new GuestSource.Disk(Path.of(disk.get()), Values.choice("guest-disk-format",
                    given("guest-disk-format").orElse("raw"), "raw", "qcow2"), given("guest-firmware").map(Path::of));
        }
        Optional<String> line = given("ready-line");
        Optional<String> port = given("ready-port");
        if (line.isPresent() && port.isPresent()) {
            throw new InvalidSpecException("ready-port", "not with --ready-line (one readiness check)",
                    "'" + port.get() + "'");
        }
        Readiness readiness = line.<Readiness>map(Readiness.SerialLine::of)
                .or(() -> port.map(p -> new Readiness.TcpPort((int) Values.integer("ready-port", p, 1, 65535))))
                .orElseThrow(() -> new InvalidSpecException("ready-line", "--ready-line REGEX or --ready-port PORT "
                        + "for your own guest (when it is ready to migrate)", "neither"));
        List<String> args = given("qemu-arg").map(v -> Arrays.asList(v.split(SettingOptions.REPEAT_SEPARATOR)))
                .orElse(List.of());
        return Optional.of(new UserGuest(source, spec.protocol().vcpus(), args, readiness));
    }

    private void only(String name, String with) {
        given(name).ifPresent(v -> {
            throw new InvalidSpecException(name, "only with " + with, "'" + v + "'");
        });
    }
}
