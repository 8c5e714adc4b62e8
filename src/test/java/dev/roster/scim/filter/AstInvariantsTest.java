package dev.roster.scim.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree's constructors refuse what the grammar cannot express, so every tree prints to a parseable filter. */
class AstInvariantsTest {

    @Test
    void attrPathEqualityAndKeyIgnoreCaseButKeepTheSpelling() {
        AttrPath spelled = AttrPath.qualified("urn:ietf:params:scim:schemas:core:2.0:User", "userName", null);
        AttrPath shouted = AttrPath.qualified("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER", "USERNAME", null);

        assertEquals(spelled, shouted);
        assertEquals(spelled.hashCode(), shouted.hashCode());
        assertEquals("urn:ietf:params:scim:schemas:core:2.0:user:username", shouted.key());
        assertEquals("URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER:USERNAME", shouted.toString());
        assertNotEquals(AttrPath.of("name", "givenName"), AttrPath.of("name"));
    }

    @Test
    void attrPathRejectsNamesTheGrammarCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> AttrPath.of("1st"));
        assertThrows(IllegalArgumentException.class, () -> AttrPath.of("a b"));
        assertThrows(IllegalArgumentException.class, () -> AttrPath.of("a.b"));
        assertThrows(IllegalArgumentException.class, () -> AttrPath.qualified("urn x", "a", null));
        assertThrows(IllegalArgumentException.class, () -> AttrPath.qualified("1urn", "a", null));
        assertEquals("$ref", AttrPath.of("$ref").name());
    }

    @Test
    void compareRefusesOperatorsTheLiteralCannotTake() {
        AttrPath a = AttrPath.of("a");

        assertThrows(IllegalArgumentException.class, () -> Filter.compare(a, CompareOp.GT, FilterValue.TRUE));
        assertThrows(IllegalArgumentException.class, () -> Filter.compare(a, CompareOp.LE, FilterValue.NULL));
        assertThrows(IllegalArgumentException.class, () -> Filter.compare(a, CompareOp.CO, FilterValue.of(5)));
        assertEquals(CompareOp.NE, Filter.compare(a, CompareOp.NE, FilterValue.NULL).op());
    }

    @Test
    void valuePathRefusesQualifiedInnerPathsNestingAndSubAttributeTargets() {
        AttrPath emails = AttrPath.of("emails");

        assertThrows(IllegalArgumentException.class, () -> new Filter.ValuePath(emails,
                new Filter.Present(AttrPath.of("type", "x"))));
        assertThrows(IllegalArgumentException.class, () -> new Filter.ValuePath(emails,
                new Filter.ValuePath(AttrPath.of("ims"), Filter.present("type"))));
        assertThrows(IllegalArgumentException.class, () -> new Filter.ValuePath(AttrPath.of("emails", "value"),
                Filter.present("type")));
        assertThrows(IllegalArgumentException.class, () -> new Filter.ValuePath(emails, Filter.present("type"),
                new Filter.Present(AttrPath.qualified("urn:x", "value", null))));
    }

    @Test
    void andAndOrNeedTwoOperands() {
        assertThrows(IllegalArgumentException.class, () -> new Filter.And(List.of(Filter.present("a"))));
        assertThrows(IllegalArgumentException.class, () -> new Filter.Or(List.of()));
    }

    @Test
    void compareOpReadsAnyCaseAndNothingElse() {
        assertEquals(CompareOp.GE, CompareOp.fromToken("Ge").orElseThrow());
        assertEquals(List.of(), CompareOp.fromToken("pr").stream().toList());
        assertEquals(List.of(), CompareOp.fromToken("equals").stream().toList());
    }
}
