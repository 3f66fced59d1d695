package dev.locustmaven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core plain Java, so that a command line or another build tool could drive it, and keeps the rooms of
 * {@code locust} to their jobs: reading Locust's outputs, installing Locust, running processes, running scenarios.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.locustmaven");

    @Test
    void onlyTheMavenPackageUsesMavenTypes() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.locustmaven.maven..", "dev.locustmaven.report.site..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..", "javax.inject..")
                .because("the core is plain Java; mojos bind parameters and call it")
                .check(PRODUCTION);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("dev.locustmaven.model..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("dev.locustmaven.model..", "java..")
                .check(PRODUCTION);
    }

    @Test
    void failuresDependOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("dev.locustmaven.failure..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("dev.locustmaven.failure..", "java..")
                .check(PRODUCTION);
    }

    @Test
    void locustOutputReadersDependOnNothingElseOfLocust() {
        noClasses()
                .that()
                .resideInAPackage("dev.locustmaven.locust.output..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.locustmaven.locust",
                        "dev.locustmaven.locust.install..",
                        "dev.locustmaven.locust.process..",
                        "dev.locustmaven.locust.run..")
                .because("reading Locust's files needs no Locust: check reads results that another machine made")
                .check(PRODUCTION);
    }

    @Test
    void processesKnowNoLocustSubPackage() {
        noClasses()
                .that()
                .resideInAPackage("dev.locustmaven.locust.process..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.locustmaven.locust.output..",
                        "dev.locustmaven.locust.install..",
                        "dev.locustmaven.locust.run..")
                .check(PRODUCTION);
    }

    @Test
    void installingLocustNeitherRunsScenariosNorReadsTheirOutput() {
        noClasses()
                .that()
                .resideInAPackage("dev.locustmaven.locust.install..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.locustmaven.locust.output..", "dev.locustmaven.locust.run..")
                .check(PRODUCTION);
    }

    @Test
    void theLocustPackageItselfKnowsNoSubPackage() {
        noClasses()
                .that()
                .resideInAPackage("dev.locustmaven.locust")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.locustmaven.locust.*..")
                .because("its run log, duration and exception are what every room of locust shares")
                .check(PRODUCTION);
    }

    @Test
    void theRoomsOfLocustHaveNoCycles() {
        slices().matching("dev.locustmaven.locust.(*)..")
                .should()
                .beFreeOfCycles()
                .check(PRODUCTION);
    }

    @Test
    void thePackagesHaveNoCycles() {
        slices().matching("dev.locustmaven.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void theBaselineGoalBuildsOnCheckAndNotTheOtherWayRound() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.locustmaven.promotion..", "dev.locustmaven.maven..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.locustmaven.promotion..")
                .because("promoting a run to the baseline reuses check's rules for runs that are no measurement; only"
                        + " the baseline goal calls it")
                .check(PRODUCTION);
    }
}
