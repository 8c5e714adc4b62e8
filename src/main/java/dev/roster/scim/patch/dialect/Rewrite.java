package dev.roster.scim.patch.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.scim.schema.ResourceType;
import java.util.List;

/**
 * One rewrite of a client's PATCH dialect into RFC 7644 form. Each implementation handles one quirk, and its comment shows
 * the raw request beside the corrected one. Rewrites never throw: what they cannot make sense of they pass on unchanged,
 * and the parser or engine reports it with the operation's context.
 */
public interface Rewrite {

    /**
     * @param operation one element of {@code Operations}, a private copy the rewrite may change or return
     * @return the operations that replace it: usually itself, none to drop it, several to split it
     */
    List<ObjectNode> rewrite(ObjectNode operation, ResourceType type);

    /**
     * Whether the rewrite gives a request that RFC 7644 already defines another meaning (Entra's removal of only the
     * listed members, say, where the RFC removes them all). A tenant may turn such rewrites off; rewrites that only turn
     * a request the RFC would reject into the one the client means are always applied.
     */
    default boolean changesRfcMeaning() {
        return false;
    }
}
