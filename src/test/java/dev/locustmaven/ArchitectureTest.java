package dev.locustmaven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the core plain Java, so that a command line or another build tool could drive it. */
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
}
