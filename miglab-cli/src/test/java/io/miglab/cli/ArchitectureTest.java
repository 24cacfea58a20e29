package io.miglab.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** miglab-cli's place among the modules (docs/architecture.md), checked on its compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.miglab.cli");

    // Guards the module direction: the CLI may use every module but the JMH benchmarks.
    @Test
    void cli_dependsOnNoBenchmarks() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.miglab.benchmarks..").check(CLI);
    }

    // Guards against package cycles (the root package <-> the commands was one: Main lists them, they used
    // Main and the root's BadInputException): every package of the module is a slice, the root package too.
    @Test
    void cli_packagesAreFreeOfCycles() {
        slices().matching("io.miglab.(**)").should().beFreeOfCycles().check(CLI);
    }

    // Guards the entry point: Main, ErrorHandler and DynamicHelp (the root package) wire the commands together;
    // no command or helper may reach back into them (shared things go to io.miglab.cli.common).
    @Test
    void cli_nothingDependsOnTheRootPackage() {
        noClasses().that().resideOutsideOfPackage("io.miglab.cli").should().dependOnClassesThat()
                .resideInAPackage("io.miglab.cli").check(CLI);
    }
}
