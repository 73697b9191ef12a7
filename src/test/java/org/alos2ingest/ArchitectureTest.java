package org.alos2ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.alos2ingest.geo.WrongWayFixture;
import org.junit.jupiter.api.Test;

/**
 * The package layering of README's "Project layout", as rules. Packages of one tier are
 * independent of each other; a package may use only packages of lower tiers. Sub-packages
 * ({@code describe.ceos}, {@code format.geotiff}) belong to their parent's package.
 */
class ArchitectureTest {

    /** Lowest first. */
    static final List<List<String>> TIERS = List.of(
            List.of("", "util"),
            List.of("config", "geo"),
            List.of("identify"),
            List.of("format"),
            List.of("fetch", "unpack"),
            List.of("describe"),
            List.of("render"),
            List.of("publish", "catalog"),
            List.of("stac"),
            List.of("notify"),
            List.of("ingest", "inspect", "sample"),
            List.of("jobs", "serve"),
            List.of("hysds", "watch"),
            List.of("cli"));

    private static final String ROOT = "org.alos2ingest";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    static List<ArchRule> layerRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (int t = 0; t < TIERS.size(); t++) {
            for (String pkg : TIERS.get(t)) {
                List<String> forbidden = new ArrayList<>();
                for (String peer : TIERS.get(t)) {
                    if (!peer.equals(pkg)) {
                        forbidden.add(pattern(peer));
                    }
                }
                for (int u = t + 1; u < TIERS.size(); u++) {
                    TIERS.get(u).forEach(p -> forbidden.add(pattern(p)));
                }
                if (forbidden.isEmpty()) {
                    continue;
                }
                rules.add(noClasses().that().resideInAPackage(pattern(pkg))
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                        .because(name(pkg) + " is in tier " + t + " and may use only lower tiers")
                        .allowEmptyShould(true));
            }
        }
        return rules;
    }

    /** The root package holds only the common exception; each other package takes its sub-packages along. */
    private static String pattern(String pkg) {
        return pkg.isEmpty() ? ROOT : ROOT + "." + pkg + "..";
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? ROOT : pkg;
    }

    @Test
    void everyPackageUsesOnlyLowerTiers() {
        layerRules().forEach(rule -> rule.check(MAIN));
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void everyMainPackageHasATier() {
        List<String> tiered = TIERS.stream().flatMap(List::stream).toList();
        List<String> untiered = MAIN.stream()
                .map(c -> c.getPackageName())
                .filter(p -> !p.equals(ROOT))
                .map(p -> p.substring(ROOT.length() + 1).split("\\.")[0])
                .distinct()
                .filter(p -> !tiered.contains(p))
                .toList();
        assertTrue(untiered.isEmpty(), "packages with no tier in ArchitectureTest.TIERS: " + untiered);
    }

    @Test
    void everyMainPackageSaysWhatItIsFor() {
        List<String> missing = MAIN.stream()
                .map(c -> c.getPackageName())
                .distinct()
                .filter(p -> !p.equals(ROOT))
                .filter(p -> MAIN.stream().noneMatch(c -> c.getName().equals(p + ".package-info")))
                .toList();
        assertTrue(missing.isEmpty(), "packages without package-info.java: " + missing);
    }

    /** The rules are not vacuous: a geo class that reaches up into the CLI is caught. */
    @Test
    void aWrongWayImportFails() {
        JavaClasses withWrongWay = new ClassFileImporter().importClasses(WrongWayFixture.class, org.alos2ingest.cli.Main.class);
        boolean violated = false;
        for (ArchRule rule : layerRules()) {
            EvaluationResult result = rule.evaluate(withWrongWay);
            violated |= result.hasViolation() && result.getFailureReport().toString().contains("WrongWayFixture");
        }
        assertTrue(violated, "a geo class depending on cli.Main must break the layering");
        assertFalse(layerRules().isEmpty());
    }
}
