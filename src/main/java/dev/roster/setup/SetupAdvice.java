package dev.roster.setup;

/**
 * What a customer's IT admin should do about a failed provisioning request, by its status (and SCIM error type), in the
 * words of Entra's own screens. Shown beside each recent error on the setup page.
 */
final class SetupAdvice {

    private SetupAdvice() {
    }

    static String of(int status, String scimType) {
        if ("uniqueness".equals(scimType)) {
            return "A user or group with that name already exists here. In Provisioning > Mappings, match users on"
                    + " userName (and groups on displayName) so that Entra updates the existing one instead of creating"
                    + " a second.";
        }
        return switch (status) {
            case 400 -> "Entra sent a value this application refuses (the error says which). Check the attribute"
                    + " mappings in Provisioning > Mappings.";
            case 401 -> "The Secret Token was refused. Paste it again under Admin Credentials (no spaces before or"
                    + " after), or ask for a new setup link if it was revoked.";
            case 403 -> "This workspace is suspended or has reached its seat limit. Contact the vendor.";
            case 404 -> "Entra asked for a user or group that is no longer here; it recreates it on its next cycle."
                    + " Nothing to do unless this repeats.";
            case 409 -> "Two changes to the same user or group crossed; Entra retries on its own.";
            case 429 -> "Entra is sending faster than this workspace allows; it slows down and retries on its own.";
            default -> status >= 500 ? "This application had a problem. Contact the vendor with the request id."
                    : "Check the error's detail; Entra retries failed changes on its next cycle.";
        };
    }
}
