package dev.roster.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule of {@link HouseRules} fails on a house built to break it (the {@code fixture} package: a scim class that
 * imports web, web and auth importing each other, users and groups reaching into each other, and so on), so none of them
 * passes for lack of anything to check.
 */
class HouseRulesFixtureTest {

    private static final String FIXTURE = "dev.roster.architecture.fixture";
    private static JavaClasses broken;

    @BeforeAll
    static void importFixture() {
        broken = new ClassFileImporter().importPackages(FIXTURE);
        assertTrue(broken.size() >= 8, "the fixture's classes were imported");
    }

    static java.util.stream.Stream<HouseRulesTest.NamedRule> rules() {
        return HouseRulesTest.rules();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void i13_6_theRuleFailsOnABrokenHouse(HouseRulesTest.NamedRule rule) {
        assertThrows(AssertionError.class, () -> rule.rule().apply(FIXTURE).check(broken));
    }
}
