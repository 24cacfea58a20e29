package io.miglab.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.Serial;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

/** miglab-core's place at the bottom of the modules (docs/architecture.md), checked on its compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.miglab.core");

    // Guards the module direction: core is the bottom layer and knows no other miglab module.
    @Test
    void core_dependsOnNoOtherMiglabModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.miglab.qemu..", "io.miglab.datacenter..",
                "io.miglab.bench..", "io.miglab.cli..", "io.miglab.benchmarks..").check(CORE);
    }

    // Guards core's purity: it computes; files, sockets, databases, processes and the terminal belong to the
    // modules above (Serializable and @Serial are in java.io but are not I/O).
    @Test
    void core_doesNoIo() {
        noClasses().should().dependOnClassesThat(resideInAnyPackage("java.io..", "java.nio.file..",
                        "java.nio.channels..", "java.net..", "java.sql..")
                        .and(not(belongToAnyOf(Serializable.class, Serial.class))))
                .orShould().dependOnClassesThat(belongToAnyOf(ProcessBuilder.class, Process.class, Runtime.class))
                .check(CORE);
    }

    // Guards core's silence: results go back to the caller, which decides what to print.
    @Test
    void core_printsNothing() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CORE);
    }

    // Guards against package cycles in core (spec <-> unit, memory, link, write was one, through
    // InvalidSpecException; algorithm <-> sim another, until the algorithms became decisions).
    @Test
    void core_packagesAreFreeOfCycles() {
        slices().matching("io.miglab.(**)").should().beFreeOfCycles().check(CORE);
    }
}
