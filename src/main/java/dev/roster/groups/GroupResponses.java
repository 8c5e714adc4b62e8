package dev.roster.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.wire.AttributeProjection;
import dev.roster.scim.wire.Meta;
import dev.roster.scim.wire.ResourceDocuments;

import java.util.List;

/**
 * Renders a stored group as its SCIM resource. {@code members} comes from the membership table and only when the client
 * wants it (Entra always sends excludedAttributes=members, R-30, R-32); a null member list means "not loaded, not shown".
 */
public final class GroupResponses {

    private GroupResponses() {
    }

    public static Meta meta(GroupEntity group, String base) {
        return new Meta("Group", group.created, group.lastModified, base + "/Groups/" + group.id, group.version);
    }

    public static ObjectNode render(GroupEntity group, List<MemberEntity> members, String base,
                                    AttributeProjection projection) {
        ObjectNode resource = ResourceDocuments.withId(group.doc, group.id.toString());
        if (members != null) {
            ArrayNode array = resource.putArray("members");
            for (MemberEntity member : members) {
                String endpoint = "Group".equals(member.memberType) ? "/Groups/" : "/Users/";
                ObjectNode item = array.addObject()
                        .put("value", member.memberId.toString())
                        .put("$ref", base + endpoint + member.memberId)
                        .put("type", member.memberType);
                if (member.display != null) {
                    item.put("display", member.display);
                }
            }
        }
        resource.set("meta", meta(group, base).toJson());
        return projection.apply(resource);
    }
}
