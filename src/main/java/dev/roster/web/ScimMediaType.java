package dev.roster.web;

import jakarta.ws.rs.core.MediaType;

/** RFC 7644 §3.1: SCIM messages use application/scim+json. */
public final class ScimMediaType {

    public static final String SCIM_JSON = "application/scim+json";
    public static final MediaType SCIM_JSON_TYPE = new MediaType("application", "scim+json");
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private ScimMediaType() {
    }
}
