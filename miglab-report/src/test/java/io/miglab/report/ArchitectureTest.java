package io.miglab.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** miglab-report's place among the modules (docs/architecture.md), checked on its compiled classes. */
class ArchitectureTest {
    private static final JavaClasses REPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.miglab.report");

    // Guards the module direction: the report kit stands on the JDK alone, so that every report can use it.
    @Test
    void report_dependsOnNoOtherMiglabModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.miglab.core..", "io.miglab.qemu..",
                "io.miglab.datacenter..", "io.miglab.bench..", "io.miglab.cli..", "io.miglab.benchmarks..")
                .check(REPORT);
    }

    // Guards against package cycles: every package of the module is a slice, the root package too.
    @Test
    void report_packagesAreFreeOfCycles() {
        slices().matching("io.miglab.(**)").should().beFreeOfCycles().check(REPORT);
    }
}
