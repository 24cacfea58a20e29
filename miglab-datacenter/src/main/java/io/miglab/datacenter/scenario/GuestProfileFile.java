package io.miglab.datacenter.scenario;

import java.util.List;
import java.util.Map;

/**
 * The YAML shape of a hypervisor/guest profile, as {@code miglab calibrate} writes it and {@code --profile FILE}
 * reads it: one hypervisor profile in the {@link ProfileFile} format, the guest's settings (the flags' names and
 * syntax: memory, zero-pages, write-model, working-set, dirty-rate, bandwidth as the switch-over rate), and what
 * the fit was made from (kept for people, not read).
 */
public record GuestProfileFile(List<ProfileFile.Entry> profiles, Map<String, String> settings,
                               Map<String, Object> fit) { }
