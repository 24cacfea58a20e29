package io.miglab.libvirt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** miglab-libvirt's place among the modules (docs/architecture.md), checked on its compiled classes. */
class ArchitectureTest {
    private static final JavaClasses LIBVIRT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.miglab.libvirt");

    // Guards the module direction: the libvirt backend uses core, qemu (the guest) and datacenter (the evacuation
    // plan), never the benchmark or the CLI.
    @Test
    void libvirt_dependsOnCoreQemuAndDatacenterOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.miglab.report..", "io.miglab.bench..",
                "io.miglab.cli..", "io.miglab.benchmarks..").check(LIBVIRT);
    }

    // Guards against package cycles: every package of the module is a slice, the root package too.
    @Test
    void libvirt_packagesAreFreeOfCycles() {
        slices().matching("io.miglab.(**)").should().beFreeOfCycles().check(LIBVIRT);
    }
}
