package org.kashbridge.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the flow (DEVELOPERS.md, "Packages"): each depends only on those before it in
 * {@link #FLOW}, so there is no cycle, and a new package has to be given its place.
 */
class PackageGraphTest {

    /** From the edit's content to the sources and tools around it; the simulator, which nothing uses, last. */
    static final List<String> FLOW = List.of("config", "model", "encode", "validate", "json", "core", "secret", "kash",
            "ledger",
            "outcome", "delivery", "pipeline", "layout", "csv", "jms", "rest", "alert", "operator", "ops", "simulator");

    private static JavaClasses main;

    @BeforeAll
    static void load() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kashbridge");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.kashbridge.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void everyPackageDependsOnlyOnThoseBeforeIt() {
        for (int i = 0; i < FLOW.size() - 1; i++) {
            String[] later = FLOW.subList(i + 1, FLOW.size()).stream().map(p -> "org.kashbridge." + p + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("org.kashbridge." + FLOW.get(i) + "..").should()
                    .dependOnClassesThat().resideInAnyPackage(later).check(main);
        }
    }

    @Test
    void everyPackageHasItsPlaceInTheFlow() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass c : main) {
            String rest = c.getPackageName().substring("org.kashbridge".length());
            packages.add(rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0]);
        }
        assertEquals(new TreeSet<>(FLOW), packages, "a package of src/main/java missing from FLOW (or gone from it)");
    }
}
