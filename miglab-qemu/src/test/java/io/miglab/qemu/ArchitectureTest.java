package io.miglab.qemu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** miglab-qemu's place among the modules (docs/architecture.md), checked on its compiled classes. */
class ArchitectureTest {
    private static final JavaClasses QEMU = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.miglab.qemu");

    // Guards the module direction: the QEMU backend uses core and nothing else of miglab.
    @Test
    void qemu_dependsOnCoreOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.miglab.report..", "io.miglab.datacenter..",
                "io.miglab.bench..", "io.miglab.cli..", "io.miglab.benchmarks..").check(QEMU);
    }

    // Guards against package cycles: every package of the module is a slice, the root package too.
    @Test
    void qemu_packagesAreFreeOfCycles() {
        slices().matching("io.miglab.(**)").should().beFreeOfCycles().check(QEMU);
    }
}
