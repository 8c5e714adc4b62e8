package dev.roster.scim.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.patch.MemberRef;
import java.util.List;
import java.util.Objects;

/**
 * A POST or PUT body made ready to store.
 *
 * @param document        the resource document: schema spelling, coerced values, derived {@code schemas}, no read-only
 *                        attributes, no password, no Group {@code members}
 * @param members         a Group's members as sent, in order, each id once; empty for other resources
 * @param membersAsserted whether the body speaks about members: always on create; on replace only when it has a
 *                        {@code members} member (see {@link InboundResource.Mode#REPLACE})
 */
public record NormalizedResource(ObjectNode document, List<MemberRef> members, boolean membersAsserted) {

    public NormalizedResource {
        Objects.requireNonNull(document, "document");
        members = List.copyOf(members);
    }
}
