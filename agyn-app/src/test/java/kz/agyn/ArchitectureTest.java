package kz.agyn;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * Package by feature, kept honest. A feature is a package {@code kz.agyn.X}; its {@code internal} (storage)
 * and {@code web} (pages, endpoints) subpackages are its own business. Other features use only the classes at
 * the top of its package. The kernel depends on nothing but the JDK, the platform on no feature, and nothing on
 * the demonstration data. The registry, the largest feature, is itself made of sub-features
 * {@code kz.agyn.registry.Y} held to the same rules among themselves.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kz.agyn");
    }

    @Test
    void kernelDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("kz.agyn.kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("kz.agyn.kernel..", "java..")
                .check(classes);
    }

    /**
     * The platform (security, database, jobs, uploads, the command line's frame) serves every feature and knows
     * none: what it needs from one (a sign-in method, a language chosen) it declares and the feature provides.
     * Besides itself it may use the two libraries, the kernel and the table readers.
     */
    @Test
    void platformDependsOnNoFeature() {
        classes().that().resideInAPackage("kz.agyn.platform..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("kz.agyn..")
                        .or(resideInAnyPackage("kz.agyn.platform..", "kz.agyn.kernel..", "kz.agyn.tabular..")))
                .check(classes);
    }

    /** The table readers are a library (the JDK and Apache POI), usable by the command line and batch jobs. */
    @Test
    void tableReadersAreALibrary() {
        classes().that().resideInAPackage("kz.agyn.tabular..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackages("kz.agyn..", "org.springframework..")
                        .or(resideInAnyPackage("kz.agyn.tabular..", "kz.agyn.kernel..")))
                .check(classes);
    }

    /**
     * The scenario engine is a plain library (issue 17): no Spring and no other Agyn feature, so a batch job can run
     * its draws unchanged. It may use the kernel's value types and Hipparchus.
     */
    @Test
    void scenarioEngineIsAPlainLibrary() {
        classes().that().resideInAPackage("kz.agyn.scenario.engine..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackages("kz.agyn..", "org.springframework..")
                        .or(resideInAnyPackage("kz.agyn.scenario.engine..", "kz.agyn.kernel..")))
                .check(classes);
    }

    /**
     * The residency engine (issue 20) is a plain library too: no Spring and no other Agyn feature, so the Spark job
     * of a later increment calls the same per-person functions. It may use the kernel's value types. Its Parquet
     * reader (module agyn-residency-parquet) is held to the same, Parquet's own libraries aside.
     */
    @Test
    void residencyEngineIsAPlainLibrary() {
        classes().that().resideInAnyPackage("kz.agyn.residency.engine..", "kz.agyn.residency.generator..",
                        "kz.agyn.residency.estimator..", "kz.agyn.residency.parquet..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackages("kz.agyn..", "org.springframework..")
                        .or(resideInAnyPackage("kz.agyn.residency.engine..", "kz.agyn.residency.generator..",
                                "kz.agyn.residency.estimator..", "kz.agyn.residency.parquet..",
                                "kz.agyn.kernel..")))
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoEachOthersInternals() {
        classes().should(onlyTouchOwnInternals()).check(classes);
    }

    /**
     * No cycle among the features, nor through the root package ({@code Main}, {@code AgynApplication}), which is
     * a slice of its own here: {@code kz.agyn.(*)..} alone would not see {@code Main} → a feature's command →
     * {@code AgynApplication}.
     */
    @Test
    void featuresHaveNoCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.equals("kz.agyn")) {
                    return SliceIdentifier.of("(root)");
                }
                return pkg.startsWith("kz.agyn.") ? SliceIdentifier.of(feature(pkg)) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the features of kz.agyn and its root package";
            }
        }).should().beFreeOfCycles().check(classes);
    }

    /**
     * The registry's sub-features ({@code kz.agyn.registry.Y}) use each other only through the classes at the top
     * of each one's package: another's {@code internal}, {@code web} and {@code cli} code are its own business.
     * What they share sits at the top of the registry ({@code kz.agyn.registry} and {@code kz.agyn.registry.internal}).
     */
    @Test
    void registrySubFeaturesDoNotReachIntoEachOthersInternals() {
        classes().that().resideInAPackage("kz.agyn.registry..").should(onlyTouchOwnRegistryInternals())
                .check(classes);
    }

    /** What the registry's sub-features share depends on none of them. */
    @Test
    void registrySharedCodeDependsOnNoSubFeature() {
        classes().that().resideInAnyPackage("kz.agyn.registry", "kz.agyn.registry.internal")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("kz.agyn.registry..")
                        .or(resideInAnyPackage("kz.agyn.registry", "kz.agyn.registry.internal")))
                .check(classes);
    }

    @Test
    void registrySubFeaturesHaveNoCycles() {
        slices().matching("kz.agyn.registry.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * The demonstration data ({@code kz.agyn.demo}: generators and the loaders that fill a new installation) feed
     * the features through their public classes, as a user's import would, and nothing depends on them: not a
     * feature, not the platform, not the root package (Spring finds the loaders by component scanning alone).
     * What live code needs to know of the demonstration, such as the day it describes, is configuration.
     */
    @Test
    void nothingDependsOnTheDemonstrationData() {
        noClasses().that().resideOutsideOfPackage("kz.agyn.demo..")
                .should().dependOnClassesThat().resideInAPackage("kz.agyn.demo..")
                .check(classes);
    }

    /** The demonstration's package, the one of each feature it feeds and their loaders. */
    @Test
    void everyDemonstrationPackageSaysWhatItIsFor() {
        classes().that().resideInAPackage("kz.agyn.demo..").should(havePackageInfo()).check(classes);
    }

    /**
     * Who may reach a route, and a menu's links, are said by the web code of the feature that serves the route
     * (kz.agyn.platform.security.AccessRule, kz.agyn.platform.menu.MenuEntry); the platform applies them.
     */
    @Test
    void accessRulesAndMenuEntriesComeFromWebPackages() {
        noClasses().that().resideOutsideOfPackages("..web..", "kz.agyn.platform..")
                .should().dependOnClassesThat().haveFullyQualifiedName("kz.agyn.platform.security.AccessRule")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("kz.agyn.platform.menu.MenuEntry")
                .check(classes);
    }

    @Test
    void controllersLiveInWebPackages() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("..web..").check(classes);
    }

    @Test
    void repositoriesLiveInInternalPackages() {
        classes().that().areAnnotatedWith(Repository.class).should().resideInAPackage("..internal..").check(classes);
    }

    @Test
    void onlyWebCodeSeesTheServletApi() {
        noClasses().that().resideInAPackage("..internal..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..")
                .check(classes);
    }

    @Test
    void everyFeatureSaysWhatItIsFor() {
        classes().that().resideInAPackage("kz.agyn.*").should(havePackageInfo()).check(classes);
    }

    /** Every package of the registry, each sub-feature and each of their web, internal and cli packages. */
    @Test
    void everyRegistryPackageSaysWhatItIsFor() {
        classes().that().resideInAPackage("kz.agyn.registry..").should(havePackageInfo()).check(classes);
    }

    private static ArchCondition<JavaClass> onlyTouchOwnInternals() {
        return new ArchCondition<>("only use the internal and web packages of their own feature") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = feature(item.getPackageName());
                item.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass();
                    String pkg = target.getPackageName();
                    if (!pkg.startsWith("kz.agyn.")) {
                        return;
                    }
                    String other = feature(pkg);
                    boolean hidden = pkg.contains(".internal") || pkg.contains(".web");
                    if (hidden && !other.equals(own)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        };
    }

    private static ArchCondition<JavaClass> onlyTouchOwnRegistryInternals() {
        return new ArchCondition<>("only use the internal, web and cli packages of their own registry sub-feature") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = registrySubFeature(item.getPackageName());
                item.getDirectDependenciesFromSelf().forEach(d -> {
                    String pkg = d.getTargetClass().getPackageName();
                    String other = registrySubFeature(pkg);
                    if (other.isEmpty() || other.equals(own) || other.equals("internal")) {
                        return;
                    }
                    String rest = pkg.substring(("kz.agyn.registry." + other).length());
                    boolean hidden = rest.startsWith(".internal") || rest.startsWith(".web") || rest.startsWith(".cli");
                    if (hidden) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        };
    }

    /** "kz.agyn.registry.keys.web" → "keys"; "" outside the registry's sub-packages. */
    static String registrySubFeature(String pkg) {
        if (!pkg.startsWith("kz.agyn.registry.")) {
            return "";
        }
        String rest = pkg.substring("kz.agyn.registry.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> havePackageInfo() {
        return new ArchCondition<>("belong to a package with a package-info") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean present = classes.contain(item.getPackageName() + ".package-info");
                if (!present) {
                    events.add(SimpleConditionEvent.violated(item, item.getPackageName() + " has no package-info"));
                }
            }
        };
    }

    /** "kz.agyn.account.web" → "account". */
    static String feature(String pkg) {
        if (!pkg.startsWith("kz.agyn.")) {
            return "";
        }
        String rest = pkg.substring("kz.agyn.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

}
