package io.miglab.datacenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** miglab-datacenter's place among the modules (docs/architecture.md), checked on its compiled classes. */
class ArchitectureTest {
    private static final JavaClasses DATACENTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.miglab.datacenter");

    // Guards the module direction: the datacenter simulator uses core (and the report kit), never QEMU, the
    // benchmark or the CLI.
    @Test
    void datacenter_dependsOnCoreAndReportOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.miglab.qemu..", "io.miglab.bench..",
                "io.miglab.cli..", "io.miglab.benchmarks..").check(DATACENTER);
    }

    // Guards against package cycles (profile <-> scenario was one, through the profile-file reader): every
    // package of the module is a slice, the root package too.
    @Test
    void datacenter_packagesAreFreeOfCycles() {
        slices().matching("io.miglab.(**)").should().beFreeOfCycles().check(DATACENTER);
    }
}
