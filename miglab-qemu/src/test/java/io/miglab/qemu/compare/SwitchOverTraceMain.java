package io.miglab.qemu.compare;

import io.miglab.qemu.launch.QemuInstallation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One corpus case against real QEMU with QEMU's own trace events logged by both QEMUs, run by hand (not a test,
 * nothing stored): where the destination stands when the source stops the guest, and how long its last RAM section
 * takes. QEMU 10 as Debian builds it has the {@code log} trace backend; a copy of the guest folder names a wrapper
 * as its {@code QEMU}, which adds {@code -msg timestamp=on -D LOG -trace events=LIST} (the destination is the one
 * started with {@code -incoming}). Prints, per run, QEMU's downtime (the source's: vm_stop to completed) beside the
 * destination's last RAM section and its resume, in ms after the source's vm_stop.
 * <pre>
 *   SwitchOverTraceMain CASE_LABEL [RUNS]
 * </pre>
 * Needs MIGLAB_GUEST_DIR. docs/qemu-vs-sim.md (Findings, "The destination at a first-pass switch-over") has what it
 * showed; the trace logs stay in the temporary folder it names.
 */
public final class SwitchOverTraceMain {
    private static final List<String> SOURCE_EVENTS = List.of("migration_bitmap_sync_start",
            "migration_bitmap_sync_end", "migrate_pending_exact", "migrate_pending_estimate", "migration_rate_limit_pre",
            "ram_save_iterate_big_wait", "migration_completion_vm_stop", "savevm_section_end",
            "migrate_set_state", "migrate_transferred", "multifd_send_fill", "migration_thread_low_pending",
            "get_queued_page", "ram_save_queue_pages", "migration_rate_limit_post");
    private static final List<String> DESTINATION_EVENTS = List.of("ram_load_start", "ram_load_complete",
            "qemu_loadvm_state_post_main", "vm_state_notify", "migrate_set_state", "postcopy_ram_fault_thread_request",
            "loadvm_postcopy_handle_run", "postcopy_page_req_del");

    private SwitchOverTraceMain() {
    }

    public static void main(String[] args) throws IOException {
        String label = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        QemuInstallation real = QemuInstallation.require();
        Path dir = tracedGuest(real);
        System.setProperty("miglab.guest.dir", dir.toString());
        System.out.println("trace logs in " + dir);
        for (int i = 1; i <= runs; i++) {
            Path logs = Files.createDirectories(dir.resolve("run-" + i));
            Files.writeString(dir.resolve("logs"), logs.toString());
            CompareGrid.main(new String[] {"--only", label, "--repeat", "1", "--runs",
                    logs.resolve("run.json").toString(), "--out", logs.resolve("run.md").toString()});
            System.out.println(summary(logs));
        }
    }

    /** A copy of the guest folder whose env names a wrapper that logs QEMU's trace events into the run's folder. */
    private static Path tracedGuest(QemuInstallation real) throws IOException {
        Path dir = Files.createTempDirectory("miglab-trace");
        try (Stream<Path> entries = Files.list(real.guestDir())) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (p.getFileName().toString().equals("env")) continue;
                Files.createSymbolicLink(dir.resolve(p.getFileName()), p);
            }
        }
        Files.write(dir.resolve("ev-src"), SOURCE_EVENTS);
        Files.write(dir.resolve("ev-dst"), DESTINATION_EVENTS);
        Path wrapper = dir.resolve("qemu-trace");
        // the role is the destination's when QEMU is started with -incoming; the logs go where "logs" points
        Files.writeString(wrapper, "#!/bin/sh\nrole=src\nfor a in \"$@\"; do [ \"$a\" = -incoming ] && role=dst; done\n"
                + "d=$(cat '" + dir + "/logs')\nexec '" + real.qemu() + "' -msg timestamp=on -D \"$d/$role-$$.log\" "
                + "-trace events='" + dir + "'/ev-$role \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        List<String> env = new ArrayList<>();
        for (String line : Files.readAllLines(real.guestDir().resolve("env"))) {
            env.add(line.startsWith("QEMU=") ? "QEMU=" + wrapper : line);
        }
        Files.write(dir.resolve("env"), env);
        return dir;
    }

    /** The run's events, both QEMUs, in time order: {seconds, 0 source / 1 destination, event and arguments}. */
    private static List<Object[]> events(Path logs) throws IOException {
        List<Object[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".log")) continue;
                int role = name.startsWith("dst") ? 1 : 0;
                for (String line : Files.readAllLines(f)) {
                    int at = line.indexOf('@'), colon = line.indexOf(':', at + 1);
                    if (at < 0 || colon < 0) continue;
                    out.add(new Object[] {Double.parseDouble(line.substring(at + 1, colon)), role,
                            line.substring(colon + 1)});
                }
            }
        }
        out.sort(Comparator.comparingDouble(e -> (double) e[0]));
        return out;
    }

    private static String summary(Path logs) throws IOException {
        double stop = Double.NaN, done = Double.NaN, lastStart = Double.NaN, lastEnd = Double.NaN, running = Double.NaN;
        long pending = -1;
        for (Object[] e : events(logs)) {
            double t = (double) e[0];
            String text = (String) e[2];
            boolean src = (int) e[1] == 0;
            if (src && text.startsWith("migrate_pending_exact")) pending = Long.parseLong(text.split(" ")[4]);
            if (src && text.startsWith("migration_completion_vm_stop")) stop = t;
            if (src && text.equals("migrate_set_state new state completed")) done = t;
            if (!src && text.startsWith("ram_load_start")) lastStart = t;
            if (!src && text.startsWith("ram_load_complete")) lastEnd = t;
            if (!src && text.startsWith("vm_state_notify running 1")) running = t;
        }
        return String.format(Locale.ROOT, "pending at the switch %.1f MiB | QEMU downtime (source) %.1f ms | "
                        + "destination's last RAM section %.1f ms, done %.1f ms after vm_stop | running %.1f ms after",
                pending / 1048576.0, (done - stop) * 1e3, (lastEnd - lastStart) * 1e3, (lastEnd - stop) * 1e3,
                (running - stop) * 1e3);
    }
}
