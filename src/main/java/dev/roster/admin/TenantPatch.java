package dev.roster.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.tenant.TenantEntity;
import dev.roster.failure.Failure;

import java.util.Set;

/**
 * A validated JSON merge patch of tenant settings (RFC 7396): a member present sets the value, {@code null} clears a
 * nullable one. Validated fully before anything is applied, so a bad patch changes nothing. The console's settings form
 * goes through it too, so both surfaces accept and refuse the same values.
 */
public record TenantPatch(String name, Boolean suspended, Boolean patchQuirks, Boolean sendActivation,
                   boolean seatLimitPresent, Integer seatLimit, String userDeletion,
                   Integer deletedUserRetentionDays, boolean federationPresent, String entraTenantId,
                   String entraAudience, boolean externalIdPresent, String externalId, LimitsPatch limits,
                   boolean advertisePaginationPresent, Boolean advertisePagination) {

    /** A merge patch of {@code limits}: each member present sets the cap, null resets it to the pod's default. */
    public record LimitsPatch(boolean concurrentPresent, Integer concurrentRequests, boolean ratePresent,
                       Integer requestsPerSecond) {
    }

    static final int MAX_EXTERNAL_ID_LENGTH = 200;

    private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static TenantPatch parse(JsonNode body, Set<String> allowed, int maxNameLength) {
        JsonFields.rejectUnknown(body, allowed);
        String name = body.has("name") ? JsonFields.requiredText(body, "name", maxNameLength) : null;
        Boolean suspended = JsonFields.optionalBoolean(body, "suspended");
        Boolean patchQuirks = JsonFields.optionalBoolean(body, "patchQuirks", "'patchQuirks' must be true (apply the IdP"
                + " PATCH rewrites that change RFC 7644 meaning, the default) or false (strict RFC 7644).");
        Boolean sendActivation = JsonFields.optionalBoolean(body, "sendActivation");
        Integer seatLimit = null;
        boolean seatLimitPresent = body.has("seatLimit");
        if (seatLimitPresent && !body.get("seatLimit").isNull()) {
            JsonNode value = body.get("seatLimit");
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
                throw Failure.invalid("'seatLimit' must be a non-negative integer or null (no limit).");
            }
            seatLimit = value.intValue();
        }
        String userDeletion = null;
        if (body.has("userDeletion")) {
            String value = body.get("userDeletion").asText("");
            if (!value.equals(TenantEntity.HARD_DELETE) && !value.equals(TenantEntity.SOFT_DELETE)) {
                throw Failure.invalid("'userDeletion' must be \"hard\" (SCIM DELETE removes the user) or"
                        + " \"soft\" (it is hidden from SCIM and restorable for deletedUserRetentionDays).");
            }
            userDeletion = value;
        }
        Integer retention = null;
        if (body.has("deletedUserRetentionDays")) {
            JsonNode value = body.get("deletedUserRetentionDays");
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > 3650) {
                throw Failure.invalid("'deletedUserRetentionDays' must be an integer from 1 to 3650.");
            }
            retention = value.intValue();
        }
        boolean federationPresent = body.has("entraFederation");
        String entraTenantId = null;
        String entraAudience = null;
        if (federationPresent && !body.get("entraFederation").isNull()) {
            JsonNode federation = body.get("entraFederation");
            String tenantId = federation.path("tenantId").asText("");
            String audience = federation.path("audience").asText("");
            if (!federation.isObject() || !GUID.matcher(tenantId).matches() || audience.isBlank()
                    || audience.length() > 200) {
                throw Failure.invalid("'entraFederation' must be {\"tenantId\": \"<Entra tenant id, a"
                        + " GUID>\", \"audience\": \"api://<application id>\"} or null.");
            }
            entraTenantId = tenantId.toLowerCase(java.util.Locale.ROOT);
            entraAudience = audience;
        }
        boolean externalIdPresent = body.has("externalId");
        String externalId = externalIdPresent && !body.get("externalId").isNull()
                ? JsonFields.requiredText(body, "externalId", MAX_EXTERNAL_ID_LENGTH) : null;
        boolean advertisePresent = body.has("advertisePagination");
        Boolean advertise = advertisePresent && !body.get("advertisePagination").isNull()
                ? JsonFields.optionalBoolean(body, "advertisePagination") : null;
        return new TenantPatch(name, suspended, patchQuirks, sendActivation, seatLimitPresent, seatLimit, userDeletion,
                retention, federationPresent, entraTenantId, entraAudience, externalIdPresent, externalId,
                limits(body), advertisePresent, advertise);
    }

    private static LimitsPatch limits(JsonNode body) {
        if (!body.has("limits")) {
            return null;
        }
        JsonNode limits = body.get("limits");
        if (limits.isNull()) {
            return new LimitsPatch(true, null, true, null);
        }
        if (!limits.isObject()) {
            throw Failure.invalid("'limits' must be {\"concurrentRequests\": 1..10000 or null, \"requestsPerSecond\":"
                    + " 1..100000 or null} (null: the server's default), or null for both defaults.");
        }
        JsonFields.rejectUnknown(limits, Set.of("concurrentRequests", "requestsPerSecond"));
        return new LimitsPatch(limits.has("concurrentRequests"), cap(limits, "concurrentRequests", 10_000),
                limits.has("requestsPerSecond"), cap(limits, "requestsPerSecond", 100_000));
    }

    private static Integer cap(JsonNode limits, String field, int max) {
        JsonNode value = limits.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > max) {
            throw Failure.invalid("'limits." + field + "' must be an integer from 1 to " + max
                    + ", or null for the server's default.");
        }
        return value.intValue();
    }

    public void applyTo(TenantEntity tenant) {
        if (name != null) {
            tenant.name = name;
        }
        if (suspended != null) {
            tenant.suspended = suspended;
        }
        if (patchQuirks != null) {
            tenant.patchQuirks = patchQuirks;
        }
        if (sendActivation != null) {
            tenant.sendActivation = sendActivation;
        }
        if (seatLimitPresent) {
            tenant.seatLimit = seatLimit;
        }
        if (userDeletion != null) {
            tenant.userDeletion = userDeletion;
        }
        if (deletedUserRetentionDays != null) {
            tenant.deletedUserRetentionDays = deletedUserRetentionDays;
        }
        if (federationPresent) {
            tenant.entraTenantId = entraTenantId;
            tenant.entraAudience = entraAudience;
        }
        if (externalIdPresent) {
            tenant.externalId = externalId;
        }
        if (advertisePaginationPresent) {
            tenant.advertisePagination = advertisePagination;
        }
        if (limits != null && limits.concurrentPresent()) {
            tenant.limitConcurrentRequests = limits.concurrentRequests();
        }
        if (limits != null && limits.ratePresent()) {
            tenant.limitRequestsPerSecond = limits.requestsPerSecond();
        }
    }
}
