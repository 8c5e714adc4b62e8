package dev.roster.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the house (docs/architecture.md, "Layout"), each a function of the root package so that the same rule is
 * checked on Roster and shown to fail on a deliberately broken fixture ({@link HouseRulesFixtureTest}).
 *
 * <pre>
 * scim (pure core)   failure   store   config          depend on nothing of Roster (scim only on itself)
 * tenant                                               may use the above
 * web (HTTP plumbing)                                  may use the above, never auth or features
 * auth                                                 may use the above except web
 * directory (published interfaces of users and groups)
 * query, users, groups, discovery, bulk, search, admin, events
 * </pre>
 */
final class HouseRules {

    private HouseRules() {
    }

    /** The SCIM core is plain Java and Jackson: no framework, nothing else of Roster (native-safe, unit-testable). */
    static ArchRule scimIsPure(String root) {
        return noClasses().that().resideInAPackage(root + ".scim..")
                .should().dependOnClassesThat().resideOutsideOfPackages(root + ".scim..", "java..",
                        "com.fasterxml.jackson..")
                .because("the SCIM core imports no framework and nothing else of Roster");
    }

    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .because("package cycles make every change a change everywhere");
    }

    /** Neutral failures, database failure classification and configuration sit below everything. */
    static ArchRule foundationsDependOnNothingOfRoster(String root) {
        return noClasses().that().resideInAnyPackage(root + ".failure..", root + ".store..", root + ".config")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".tenant..", root + ".web..",
                        root + ".auth..", root + ".directory..", root + ".query..", root + ".users..",
                        root + ".groups..", root + ".admin..", root + ".events..", root + ".bulk..", root + ".search..",
                        root + ".discovery..")
                .because("services throw neutral failures from a package that depends on nothing");
    }

    static ArchRule tenantAndAuthNeverImportWeb(String root) {
        return noClasses().that().resideInAnyPackage(root + ".tenant..", root + ".auth..")
                .should().dependOnClassesThat().resideInAPackage(root + ".web..")
                .because("each surface renders failures; credentials and tenants know no HTTP error format");
    }

    static ArchRule webDependsOnNothingAboveIt(String root) {
        return noClasses().that().resideInAPackage(root + ".web..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".auth..", root + ".directory..",
                        root + ".query..", root + ".users..", root + ".groups..", root + ".admin..",
                        root + ".events..", root + ".bulk..", root + ".search..", root + ".discovery..")
                .because("web is the HTTP plumbing every feature stands on");
    }

    static ArchRule servicesImportNoWebTypes(String root) {
        return noClasses().that().haveSimpleNameEndingWith("Service").and().resideOutsideOfPackage(root + ".web..")
                .should().dependOnClassesThat().resideInAPackage(root + ".web..")
                .because("services throw neutral failures; the surfaces decide how they look");
    }

    static ArchRule queryKnowsNoFeatures(String root) {
        return noClasses().that().resideInAPackage(root + ".query..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".users..", root + ".groups..")
                .because("the filter compiler serves every feature and belongs to none");
    }

    /** Users and groups meet only through the published interfaces of directory/, never each other's classes. */
    static ArchRule usersAndGroupsMeetOnlyThroughTheDirectory(String root) {
        return noClasses().that().resideInAPackage(root + ".users..")
                .should().dependOnClassesThat().resideInAPackage(root + ".groups..")
                .because("features meet through small published interfaces (docs/architecture.md)");
    }

    static ArchRule groupsNeverReachIntoUsers(String root) {
        return noClasses().that().resideInAPackage(root + ".groups..")
                .should().dependOnClassesThat().resideInAPackage(root + ".users..")
                .because("features meet through small published interfaces (docs/architecture.md)");
    }

    private static final Set<String> QUERY_METHODS = Set.of("find", "list", "count", "stream", "delete", "update");

    /**
     * A call of a repository's query method (a Panache repository inherits find, list, count, stream, delete and update
     * taking a query string): whoever makes it writes a query.
     */
    private static final DescribedPredicate<JavaCall<?>> PANACHE_QUERY = new DescribedPredicate<>(
            "a Panache query method (find, list, count, stream, delete, update with a query string)") {
        @Override
        public boolean test(JavaCall<?> call) {
            var target = call.getTarget();
            return QUERY_METHODS.contains(target.getName()) && !target.getRawParameterTypes().isEmpty()
                    && target.getRawParameterTypes().get(0).isEquivalentTo(String.class)
                    && target.getOwner().getSimpleName().endsWith("Repository");
        }
    };

    /**
     * Only repositories (and the credential store of the hot path) query: every query names its tenant in one kind of
     * class, so a missing tenant condition has one place to hide (docs/architecture.md, "Tenant isolation"). Entities
     * are plain {@code @Entity} classes, so there are no static entity queries to call around a repository.
     */
    static ArchRule onlyRepositoriesQuery(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().haveSimpleNameNotEndingWith("Repository").and().haveSimpleNameNotEndingWith("Store")
                .should().callMethodWhere(PANACHE_QUERY)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.vertx.mutiny.sqlclient.Pool")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "io.quarkus.hibernate.reactive.panache.PanacheEntityBase")
                .because("tenant scoping lives in repositories (docs/architecture.md)");
    }

    /** The admin API reaches credentials through auth's services, never its entities or repositories. */
    /**
     * The console does what the admin API does through the same services (issue 16: every action audited alike), so it
     * never reads or writes through a repository or a store of its own.
     */
    static ArchRule consoleActsThroughServices(String root) {
        return noClasses().that().resideInAPackage(root + ".console..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .because("the console is another face of the admin API, not another way into the data");
    }

    static ArchRule adminReachesAuthThroughItsServices(String root) {
        return noClasses().that().resideInAPackage(root + ".admin..")
                .should().dependOnClassesThat(resideInAuthAndNamed("Entity"))
                .orShould().dependOnClassesThat(resideInAuthAndNamed("Repository"))
                .because("features meet through small published interfaces (docs/architecture.md)");
    }

    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> resideInAuthAndNamed(String suffix) {
        return DescribedPredicate.describe("a class of auth named *" + suffix, javaClass ->
                javaClass.getPackageName().contains(".auth") && javaClass.getSimpleName().endsWith(suffix));
    }

    /** Events carry documents, not entities: the events package sees users and groups through interfaces only. */
    static ArchRule eventsNeverImportUsersOrGroups(String root) {
        return noClasses().that().resideInAPackage(root + ".events..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".users..", root + ".groups..")
                .because("events publish documents, never entities")
                .allowEmptyShould(true);
    }
}
