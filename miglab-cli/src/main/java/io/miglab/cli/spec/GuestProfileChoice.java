package io.miglab.cli.spec;

import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.profile.HypervisorProfiles;
import io.miglab.datacenter.scenario.ProfileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --profile FILE}: a hypervisor/guest profile ({@code miglab calibrate} writes them) as a layer of defaults
 * under the user's flags: the file's hypervisor profile as {@code --hypervisor} would give it, then the guest's
 * settings. Not with {@code --hypervisor} or {@code --profiles}: the file holds its own profile.
 */
final class GuestProfileChoice {
    /** Keys a profile's guest settings may not hold: they choose files and profiles themselves. */
    private static final List<String> NOT_IN_FILE = List.of("scenario", "hypervisor", "profiles", "profile");

    private GuestProfileChoice() { }

    static Map<String, String> settings(SpecInputs in, String file) {
        for (String other : List.of("hypervisor", "profiles")) {
            if (in.givenByUser(other)) {
                throw new InvalidSpecException(other, "not with --profile (the file holds its own profile)",
                        "'" + in.text(other) + "'");
            }
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InvalidSpecException("profile", "a readable profile file (as 'miglab calibrate --out' writes)",
                    file);
        }
        ProfileReader.GuestProfile read;
        try {
            read = ProfileReader.readGuestProfile(path, HypervisorProfiles.standard());
        } catch (IOException e) {
            throw new InvalidSpecException("profile", "a readable profile file", file);
        }
        Map<String, String> s = new LinkedHashMap<>(ProfileSettings.of(read.profile()));
        List<String> keys = Settings.scenarioKeys();
        read.settings().forEach((k, v) -> {
            if (!keys.contains(k) || NOT_IN_FILE.contains(k)) {
                throw new InvalidSpecException("profile", "a file whose settings are flag names (not " + k + ")",
                        file);
            }
            s.put(k, v);
        });
        return s;
    }
}
