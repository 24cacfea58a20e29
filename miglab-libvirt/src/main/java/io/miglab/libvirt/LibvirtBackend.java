package io.miglab.libvirt;

import io.miglab.core.MigrationBackend;
import io.miglab.core.error.InvalidSpecException;
import io.miglab.core.result.MigrationResult;
import io.miglab.core.spec.MigrationSpec;
import io.miglab.libvirt.domain.GuestDomain;
import io.miglab.libvirt.domain.SerialLog;
import io.miglab.libvirt.migrate.LibvirtMigration;
import io.miglab.libvirt.migrate.LibvirtMigrationPlan;
import io.miglab.libvirt.migrate.LibvirtOptions;
import io.miglab.libvirt.migrate.LibvirtRun;
import io.miglab.libvirt.nativeapi.LibvirtCalls;
import io.miglab.qemu.launch.QemuInstallation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Live migration through libvirt: of an existing domain by name, or of miglab's own guest, defined on the source
 * for the spec (the same guest as the QEMU backend boots) and removed from both hosts afterwards. Bad input (a URI
 * libvirt cannot open, a domain that does not exist, a spec libvirt cannot carry out) fails before anything
 * moves, as an {@link InvalidSpecException}; a migration that fails is a result.
 */
public final class LibvirtBackend implements MigrationBackend {
    public static final String NAME = "libvirt";
    private static final Pattern SERIAL_FILE = Pattern.compile("<serial type='file'>\\s*<source path='([^']+)'");
    private final LibvirtOptions options;

    public LibvirtBackend(LibvirtOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MigrationResult migrate(MigrationSpec spec) {
        return run(spec).result();
    }

    public LibvirtRun run(MigrationSpec spec) {
        LibvirtMigrationPlan plan = LibvirtMigrationPlan.of(spec, options);
        Connect source = connect(options.sourceUri(), "source");
        try {
            Connect destination = connect(options.destinationUri(), "destination");
            try {
                return options.domain().isPresent() ? existing(spec, plan, source, destination)
                        : ownGuest(spec, plan, source, destination);
            } finally {
                closeQuietly(destination);
            }
        } finally {
            closeQuietly(source);
        }
    }

    private LibvirtRun existing(MigrationSpec spec, LibvirtMigrationPlan plan, Connect source, Connect destination) {
        String name = options.domain().get();
        Domain domain;
        try {
            domain = source.domainLookupByName(name);
            if (domain.isActive() != 1) {
                throw new InvalidSpecException("domain", "a running domain on the source", name + " (shut off)");
            }
        } catch (LibvirtException e) {
            throw new InvalidSpecException("domain", "a domain on the source (" + known(source) + ")", name);
        }
        Optional<SerialLog> serial = serialFile(domain).map(SerialLog::follow);
        try {
            return new LibvirtMigration(spec, plan, options).run(source, destination, domain, serial);
        } catch (LibvirtException e) {
            throw new IllegalStateException("libvirt: " + e.getMessage(), e);
        } finally {
            serial.ifPresent(SerialLog::close);
        }
    }

    private LibvirtRun ownGuest(MigrationSpec spec, LibvirtMigrationPlan plan, Connect source, Connect destination) {
        QemuInstallation installation = QemuInstallation.require();
        String name = "miglab-" + UUID.randomUUID().toString().substring(0, 8);
        Path folder = options.serialFolder().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        Path log = folder.resolve(name + ".serial.log");
        GuestDomain guest = new GuestDomain(name, plan.guest(), installation, log);
        SerialLog serial = SerialLog.follow(log);
        try {
            Domain domain = options.persistent() ? source.domainDefineXML(guest.xml()) : source.domainCreateXML(
                    guest.xml(), 0);
            if (options.persistent()) domain.create();
            serial.awaitReady(options.readyTimeout());
            return new LibvirtMigration(spec, plan, options).run(source, destination, domain, Optional.of(serial));
        } catch (LibvirtException e) {
            throw new IllegalStateException("libvirt: " + e.getMessage(), e);
        } finally {
            serial.close();
            remove(destination, name);
            remove(source, name);
            try {
                java.nio.file.Files.deleteIfExists(log);
            } catch (java.io.IOException ignored) {
                // owned by the daemons' user; goes with their folder
            }
        }
    }

    /** Opens a connection; a URI libvirt cannot open is bad input naming the flag. */
    public static Connect connect(String uri, String field) {
        LibvirtCalls.quiet();
        try {
            return new Connect(uri);
        } catch (LibvirtException e) {
            throw new InvalidSpecException(field, "a libvirt URI whose daemon answers (" + e.getMessage() + ")", uri);
        }
    }

    /** Destroys and undefines a domain miglab defined; nothing if it is not there. */
    public static void remove(Connect c, String name) {
        try {
            Domain d = c.domainLookupByName(name);
            if (d.isActive() == 1) d.destroy();
            if (d.isPersistent() == 1) d.undefine();
        } catch (LibvirtException ignored) {
            // not there
        }
    }

    private static Optional<Path> serialFile(Domain domain) {
        try {
            Matcher m = SERIAL_FILE.matcher(domain.getXMLDesc(0));
            return m.find() ? Optional.of(Path.of(m.group(1))) : Optional.empty();
        } catch (LibvirtException e) {
            return Optional.empty();
        }
    }

    private static String known(Connect c) {
        try {
            String[] names = Arrays.stream(c.listDomains()).mapToObj(id -> {
                try {
                    return c.domainLookupByID(id).getName();
                } catch (LibvirtException e) {
                    return "?";
                }
            }).toArray(String[]::new);
            return names.length == 0 ? "none running" : "running: " + String.join(", ", names);
        } catch (LibvirtException e) {
            return "cannot list";
        }
    }

    private static void closeQuietly(Connect c) {
        try {
            c.close();
        } catch (LibvirtException ignored) {
            // closing anyway
        }
    }
}
