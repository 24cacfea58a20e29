package io.miglab.cli.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.datacenter.scenario.ProfileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --hypervisor NAME} and {@code --profiles FILE}: the standard profiles (the same objects the datacenter
 * uses) plus the user's YAML ones, and the chosen one's settings as a layer of defaults.
 */
final class HypervisorChoice {
    private HypervisorChoice() { }

    /** The settings of the chosen profile, or none when {@code --hypervisor} is not given. */
    static Map<String, String> settings(SpecInputs in) {
        Optional<String> guestProfile = in.optional("profile");
        if (guestProfile.isPresent()) return GuestProfileChoice.settings(in, guestProfile.get());
        Optional<String> name = in.optional("hypervisor").map(String::trim);
        if (name.isEmpty() && in.optional("profiles").isEmpty()) return Map.of();
        HypervisorProfiles known = profiles(in.optional("profiles"));
        if (name.isEmpty()) {
            in.forbid("profiles", "--hypervisor (the file's profiles are chosen by name)");
            return Map.of();
        }
        if (!known.contains(name.get())) {
            throw new InvalidSpecException("hypervisor", "one of " + known.choices(), name.get());
        }
        return ProfileSettings.of(known.get(name.get()));
    }

    static HypervisorProfiles profiles(Optional<String> file) {
        HypervisorProfiles known = HypervisorProfiles.standard();
        if (file.isEmpty()) return known;
        Path path = Path.of(file.get());
        if (!Files.isRegularFile(path)) {
            throw new InvalidSpecException("profiles", "a readable YAML file of profiles", file.get());
        }
        try {
            ProfileReader.readFile(path, known);
        } catch (IOException e) {
            throw new InvalidSpecException("profiles", "a readable YAML file of profiles", file.get());
        }
        return known;
    }
}
