package io.miglab.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** miglab-bench's place among the modules (docs/architecture.md), checked on its compiled classes. */
class ArchitectureTest {
    private static final JavaClasses BENCH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.miglab.bench");

    // Guards the module direction: the benchmark uses core and qemu (and the report kit), never the datacenter
    // or the CLI.
    @Test
    void bench_dependsOnCoreQemuAndReportOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.miglab.datacenter..", "io.miglab.cli..",
                "io.miglab.benchmarks..").check(BENCH);
    }

    // Guards against package cycles (run <-> store, reference and qemu was one): every package of the module
    // is a slice, the root package too.
    @Test
    void bench_packagesAreFreeOfCycles() {
        slices().matching("io.miglab.(**)").should().beFreeOfCycles().check(BENCH);
    }
}
