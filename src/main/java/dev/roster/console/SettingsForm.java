package dev.roster.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.failure.Failure;

import java.util.Set;

/**
 * The tenant settings form as the admin API's merge patch, so that both surfaces validate a setting in one place
 * (admin/TenantPatch). An unchecked checkbox is absent from a form: here it means false. An empty seat limit means no
 * limit.
 */
final class SettingsForm {

    static final Set<String> FIELDS = Set.of("suspended", "seatLimit", "userDeletion", "deletedUserRetentionDays");

    private SettingsForm() {
    }

    static ObjectNode toMergePatch(String suspended, String seatLimit, String userDeletion, String retentionDays) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.put("suspended", "true".equals(suspended));
        if (seatLimit == null || seatLimit.isBlank()) {
            patch.putNull("seatLimit");
        } else {
            patch.put("seatLimit", integer(seatLimit, "The seat limit must be a whole number of seats, or empty for no"
                    + " limit."));
        }
        if (userDeletion != null && !userDeletion.isBlank()) {
            patch.put("userDeletion", userDeletion.strip());
        }
        if (retentionDays != null && !retentionDays.isBlank()) {
            patch.put("deletedUserRetentionDays", integer(retentionDays, "The days a deleted user is kept must be a"
                    + " whole number from 1 to 3650."));
        }
        return patch;
    }

    private static long integer(String text, String problem) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw Failure.invalid(problem);
        }
    }
}
