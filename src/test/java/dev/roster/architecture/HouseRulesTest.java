package dev.roster.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13, item 6: Roster's compiled classes keep the rules of {@link HouseRules}. */
class HouseRulesTest {

    static final String ROOT = "dev.roster";
    private static JavaClasses roster;

    @BeforeAll
    static void importRoster() {
        roster = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertTrue(roster.size() > 100, "Roster's classes were imported");
    }

    /** Every rule by name, as a function of the root package. */
    static Stream<NamedRule> rules() {
        return Stream.of(
                new NamedRule("scim is pure", HouseRules::scimIsPure),
                new NamedRule("no package cycles", HouseRules::noPackageCycles),
                new NamedRule("foundations depend on nothing", HouseRules::foundationsDependOnNothingOfRoster),
                new NamedRule("tenant and auth never import web", HouseRules::tenantAndAuthNeverImportWeb),
                new NamedRule("web depends on nothing above it", HouseRules::webDependsOnNothingAboveIt),
                new NamedRule("services import no web types", HouseRules::servicesImportNoWebTypes),
                new NamedRule("query knows no features", HouseRules::queryKnowsNoFeatures),
                new NamedRule("users reach groups only through the directory",
                        HouseRules::usersAndGroupsMeetOnlyThroughTheDirectory),
                new NamedRule("groups reach users only through the directory", HouseRules::groupsNeverReachIntoUsers),
                new NamedRule("events never import users or groups", HouseRules::eventsNeverImportUsersOrGroups),
                new NamedRule("only repositories query", HouseRules::onlyRepositoriesQuery),
                new NamedRule("admin reaches auth through its services",
                        HouseRules::adminReachesAuthThroughItsServices),
                new NamedRule("the console acts through services", HouseRules::consoleActsThroughServices));
    }

    record NamedRule(String name, Function<String, ArchRule> rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void i13_6_rosterKeepsTheRule(NamedRule rule) {
        rule.rule().apply(ROOT).check(roster);
    }
}
