package dev.roster.bulk;

import dev.roster.scim.error.ScimException;
import dev.roster.tenant.Ids;

import java.util.UUID;

/**
 * The {@code path} of a bulk operation (RFC 7644 §3.7): {@code /Users} or {@code /Groups} for a POST, and
 * {@code /Users/{id}} or {@code /Groups/{id}} otherwise, relative to the base the bulk request was sent to.
 */
record BulkPath(boolean users, UUID id) {

    static BulkPath parse(String path, String method) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String endpoint = slash < 0 ? trimmed : trimmed.substring(0, slash);
        boolean users;
        if (endpoint.equalsIgnoreCase("Users")) {
            users = true;
        } else if (endpoint.equalsIgnoreCase("Groups")) {
            users = false;
        } else {
            throw ScimException.invalidPath("Bulk paths are /Users, /Groups, /Users/{id} or /Groups/{id}; got '"
                    + path + "'.");
        }
        boolean post = "POST".equals(method);
        if (post != (slash < 0)) {
            throw ScimException.invalidPath(post ? "A bulk POST goes to /" + endpoint + " without an id."
                    : "A bulk " + method + " needs the resource id: /" + endpoint + "/{id}.");
        }
        if (post) {
            return new BulkPath(users, null);
        }
        String id = trimmed.substring(slash + 1);
        return new BulkPath(users, Ids.parse(id).orElseThrow(() -> ScimException.notFound(
                (users ? "User " : "Group ") + id + " not found.")));
    }
}
